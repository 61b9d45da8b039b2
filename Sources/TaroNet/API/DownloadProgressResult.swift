/// What `onProgressUpdate` listeners of a download get.
public struct DownloadProgressResult: Sendable, Equatable {
    /// Integer percent, 0 when the total is unknown; never NaN.
    public let progress: Int
    public let totalBytesWritten: Int64
    /// 0 when the server did not say.
    public let totalBytesExpectedToWrite: Int64

    init(done: Int64, total: Int64) {
        progress = Percent.of(done, total)
        totalBytesWritten = done
        totalBytesExpectedToWrite = total
    }
}
