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
        self.cookies = fields.filter { $0.name.lowercased() == "set-cookie" }.map(\.value)
    }
}

enum HeaderDictionary {
    /// Taro's `header` record. Lookups by another case of the name are the
    /// caller's concern, as in JavaScript; repeated fields are joined.
    static func make(_ fields: [HTTPExchange.Field]) -> [String: String] {
        var result: [String: String] = [:]
        var canonical: [String: String] = [:]
        for field in fields {
            let lower = field.name.lowercased()
            if let existing = canonical[lower] {
                result[existing]! += ", " + field.value
            } else {
                canonical[lower] = field.name
                result[field.name] = field.value
            }
        }
        return result
    }
}
