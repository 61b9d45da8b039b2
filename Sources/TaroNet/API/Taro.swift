/// Taro's network API, on the shared session.
public enum Taro {
    /// Downloads a file. See `DownloadFileOption` and `DownloadTask`.
    @discardableResult
    public static func downloadFile(_ option: DownloadFileOption) -> DownloadTask {
        TaroSession.shared.downloadFile(option)
    }
}
