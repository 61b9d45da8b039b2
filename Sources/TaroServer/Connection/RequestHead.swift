/// A parsed request line and header block.
struct RequestHead {
    let method: String
    /// The request target as received, e.g. "/bytes/10?seed=2".
    let target: String
    /// "HTTP/1.1" or "HTTP/1.0".
    let version: String
    let headers: [HeaderField]

    /// The first header with this name, case-insensitively.
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// Every value of a header, in order (for repeated fields such as Content-Length).
    func headerValues(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The raw (still percent-encoded) query string, without the "?".
    var query: Substring {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return target[target.index(after: mark)...]
    }

    var isHead: Bool { method == "HEAD" }

    /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes
    /// unless told to keep it.
    var wantsKeepAlive: Bool {
        let tokens = headerValues("Connection")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingSpaces.lowercased() }
        if tokens.contains("close") { return false }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return true
    }

    var expectsContinue: Bool {
        header("Expect")?.trimmingSpaces.lowercased() == "100-continue"
    }

    func asLogged(bodyBytes: Int64) -> LoggedRequest {
        LoggedRequest(method: method, target: target, headers: headers, bodyBytes: bodyBytes)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's OWS).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
