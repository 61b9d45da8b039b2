/// A request as the server received it, recorded once its body was consumed
/// so tests can assert what a client actually sent (headers, ranges, bodies).
public struct LoggedRequest: Sendable, CustomStringConvertible {
    public var method: String
    /// The request target exactly as it appeared on the request line (path and query).
    public var target: String
    public var headers: [HeaderField]
    public var bodyBytes: Int64

    public init(method: String, target: String, headers: [HeaderField], bodyBytes: Int64) {
        self.method = method
        self.target = target
        self.headers = headers
        self.bodyBytes = bodyBytes
    }

    /// The target without its query string.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The first header with this name, compared case-insensitively as HTTP requires.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var description: String { "\(method) \(target) (\(bodyBytes) body bytes)" }
}
