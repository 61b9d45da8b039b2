/// What `onHeadersReceived` listeners get: the final response's headers.
public struct HeadersReceivedResult: Sendable, Equatable {
    /// Header names as the server sent them; repeated fields joined with ", ".
    public let header: [String: String]
    public let statusCode: Int
    /// Every Set-Cookie value, in order.
    public let cookies: [String]
    /// The fields exactly as received, duplicates and order kept.
    public let fields: [HTTPExchange.Field]

    init(statusCode: Int, fields: [HTTPExchange.Field]) {
        self.statusCode = statusCode
        self.fields = fields
        self.header = HeaderDictionary.make(fields)
        self.cookies = fields.filter { ASCIICase.equal($0.name, "set-cookie") }.map(\.value)
    }
}
