/// Taro's network API, on the shared session.
public enum Taro {
    /// Makes an HTTP request. See `RequestOption` and `RequestTask`.
    @discardableResult
    public static func request(_ option: RequestOption) -> RequestTask {
        TaroSession.shared.request(option)
    }

    /// Downloads a file. See `DownloadFileOption` and `DownloadTask`.
    @discardableResult
    public static func downloadFile(_ option: DownloadFileOption) -> DownloadTask {
        TaroSession.shared.downloadFile(option)
    }

    /// Uploads a file. See `UploadFileOption` and `UploadTask`.
    @discardableResult
    public static func uploadFile(_ option: UploadFileOption) -> UploadTask {
        TaroSession.shared.uploadFile(option)
    }
}
