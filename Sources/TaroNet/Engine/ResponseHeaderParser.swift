import Foundation

/// Splits the lines curl hands to its header callback into responses. curl
/// calls it for every response of a transfer — 1xx, each redirect hop, the
/// final one — so a new block starts at each `HTTP/` status line.
package struct ResponseHeaderParser {
    package private(set) var current: HTTPExchange.Response?
    package private(set) var totalBytes = 0

    /// Feeds one line (with its CRLF). Returns the response when its blank
    /// line ends the block.
    package init() {}

    package mutating func feed(_ line: UnsafeRawBufferPointer) -> HTTPExchange.Response? {
        totalBytes += line.count
        // Strip CR/LF as bytes: in Swift "\r\n" is one Character.
        var end = line.count
        while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x0D { end -= 1 }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: line[0..<end]), as: UTF8.self)
        if text.isEmpty {
            defer { current = nil }
            return current
        }
        if text.hasPrefix("HTTP/") {
            current = HTTPExchange.Response(statusLine: text, statusCode: Self.statusCode(of: text))
            return nil
        }
        guard current != nil else { return nil }  // trailers after the body
        if let first = text.first, first == " " || first == "\t", !(current!.fields.isEmpty) {
            // obs-fold: a continuation of the previous field's value.
            let extra = text.drop { $0 == " " || $0 == "\t" }
            current!.fields[current!.fields.count - 1].value += " " + extra
            return nil
        }
        // A field name is an RFC 9110 token; a line whose "name" holds spaces
        // or control characters (a bare CR inside the line) is not a field.
        if let colon = text.firstIndex(of: ":"), Self.isToken(text[..<colon]) {
            let name = String(text[..<colon])
            let value = text[text.index(after: colon)...].trimmingSpaces()
            current!.fields.append(.init(name: name, value: value))
        }
        return nil
    }

    /// Letters, digits and !#$%&'*+-.^_`|~, at least one.
    static func isToken(_ name: Substring) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }

    /// "HTTP/1.1 404 Not Found" → 404; "HTTP/2 200" → 200. A code that is
    /// not three digits from 100 (`-5`, `+200`, `3`, `099`, `20000`) is no
    /// status: 0.
    package static func statusCode(of statusLine: String) -> Int {
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2 else { return 0 }
        let digits = parts[1].utf8
        guard digits.count == 3, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let code = Int(parts[1]) else { return 0 }
        return code >= 100 ? code : 0
    }
}
