import Foundation

/// Splits the lines curl hands to its header callback into responses. curl
/// calls it for every response of a transfer — 1xx, each redirect hop, the
/// final one — so a new block starts at each `HTTP/` status line.
struct ResponseHeaderParser {
    private(set) var current: HTTPExchange.Response?
    private(set) var totalBytes = 0

    /// Feeds one line (with its CRLF). Returns the response when its blank
    /// line ends the block.
    mutating func feed(_ line: UnsafeRawBufferPointer) -> HTTPExchange.Response? {
        totalBytes += line.count
        // Work on the bytes: HTTP fields are octets, and walking Characters
        // (where "\r\n" is one) costs grapheme breaking on every line.
        var end = line.count
        while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x0D { end -= 1 }
        if end == 0 {
            defer { current = nil }
            return current
        }
        let bytes = UnsafeRawBufferPointer(rebasing: line[0..<end])
        if bytes.starts(with: "HTTP/".utf8) {
            let text = String(decoding: bytes, as: UTF8.self)
            current = HTTPExchange.Response(statusLine: text, statusCode: Self.statusCode(of: text))
            return nil
        }
        guard current != nil else { return nil }  // trailers after the body
        if Self.isBlank(bytes[0]), !(current!.fields.isEmpty) {
            // obs-fold: a continuation of the previous field's value.
            let extra = Self.trimmed(bytes, from: 0, to: end, trailing: false)
            current!.fields[current!.fields.count - 1].value += " " + extra
            return nil
        }
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self)
            let value = Self.trimmed(bytes, from: colon + 1, to: end, trailing: true)
            current!.fields.append(.init(name: name, value: value))
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The text of `bytes[from..<to]` without leading (and, if asked, trailing) spaces and tabs.
    private static func trimmed(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int, trailing: Bool) -> String {
        var start = from, end = to
        while start < end, isBlank(bytes[start]) { start += 1 }
        while trailing, end > start, isBlank(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// "HTTP/1.1 404 Not Found" → 404; "HTTP/2 200" → 200.
    static func statusCode(of statusLine: String) -> Int {
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let code = Int(parts[1]) else { return 0 }
        return code
    }
}
