/// The parts of an HTTP request the endpoint looks at, read from a head of
/// bounded size. Header names are lowercased; values are raw.
struct RPCHTTPRequest {
    var method: String
    var path: String
    var headers: [String: String]
    var body: [UInt8] = []

    /// Why a request was not read: each is answered with a status and a
    /// JSON-RPC error, then the connection is closed.
    enum Refusal: Error, Equatable {
        case malformed
        case headTooLarge
        case lengthRequired
        case bodyTooLarge(limit: Int)
        case timedOut
    }

    /// Parses the head (request line and headers, CRLF or LF endings).
    static func parseHead(_ bytes: ArraySlice<UInt8>) throws -> RPCHTTPRequest {
        let text = String(decoding: bytes, as: UTF8.self)
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\r\n" || $0 == "\n" })
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else { throw Refusal.malformed }
        let parts = first.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { throw Refusal.malformed }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw Refusal.malformed }
            let name = line[..<colon].lowercased()
            guard !name.isEmpty, !name.contains(" ") else { throw Refusal.malformed }
            let value = line[line.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
            if headers[name] != nil && (name == "content-length" || name == "host") { throw Refusal.malformed }
            headers[name] = String(value.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        }
        return RPCHTTPRequest(method: String(parts[0]), path: String(parts[1]), headers: headers)
    }

    /// The body length the head announces; chunked bodies are not taken.
    func contentLength() throws -> Int {
        if headers["transfer-encoding"] != nil { throw Refusal.lengthRequired }
        guard let text = headers["content-length"] else {
            if method == "POST" { throw Refusal.lengthRequired }
            return 0
        }
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let n = Int(text) else { throw Refusal.malformed }
        return n
    }
}
