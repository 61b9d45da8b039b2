/// What a finished request hands to `success` and to `await task.value`.
public struct RequestResult: Sendable {
    public let data: ResponseData
    public let statusCode: Int
    public let header: [String: String]
    /// Every Set-Cookie value of the final response.
    public let cookies: [String]
    /// curl's timings (DNS, connect, TLS, first byte, total), bytes and speed.
    public let profile: TransferProfile
    public let errMsg: String
}
