/// What a finished download hands to `success` and to `await task.value`.
/// Any HTTP response is a success, 4xx and 5xx included: check `statusCode`.
public struct DownloadFileResult: Sendable {
    public let statusCode: Int
    public let header: [String: String]
    /// Set when no `filePath` was given.
    public let tempFilePath: String?
    /// Set when a `filePath` was given.
    public let filePath: String?
    /// Bytes in the saved file.
    public let dataLength: Int64
    public let errMsg: String
    /// curl's timings and counters.
    public let profile: TransferProfile
}
