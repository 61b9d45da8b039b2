/// What a finished upload hands to `success` and to `await task.value`.
public struct UploadFileResult: Sendable {
    /// The server's response body, as text.
    public let data: String
    public let statusCode: Int
    public let header: [String: String]
    public let errMsg: String
    public let profile: TransferProfile
}
