/// What `onProgressUpdate` listeners of an upload get.
public struct UploadProgressResult: Sendable, Equatable {
    /// Integer percent, 0 when the total is unknown; never NaN.
    public let progress: Int
    public let totalBytesSent: Int64
    public let totalBytesExpectedToSend: Int64

    init(done: Int64, total: Int64) {
        progress = Percent.of(done, total)
        totalBytesSent = done
        totalBytesExpectedToSend = total
    }
}
