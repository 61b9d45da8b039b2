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
            current = HTTPExchange.Response(statusLine: String(decoding: bytes, as: UTF8.self),
                                            statusCode: Self.statusCode(ofBytes: bytes))
            return nil
        }
        guard current != nil else { return nil }  // trailers after the body
        if Self.isBlank(bytes[0]), !(current!.fields.isEmpty) {
            // obs-fold: a continuation of the previous field's value.
            let extra = Self.trimmed(bytes, from: 0, to: end, trailing: false)
            current!.fields[current!.fields.count - 1].value += " " + extra
            return nil
        }
        // A field name is an RFC 9110 token; a line whose "name" holds spaces
        // or control characters (a bare CR inside the line) is not a field.
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), Self.isToken(bytes[..<colon]) {
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self)
            let value = Self.trimmed(bytes, from: colon + 1, to: end, trailing: true)
            current!.fields.append(.init(name: name, value: value))
        }
        return nil
    }

    /// Letters, digits and !#$%&'*+-.^_`|~, at least one.
    private static func isToken(_ name: Slice<UnsafeRawBufferPointer>) -> Bool {
        !name.isEmpty && name.allSatisfy { b in b < 128 && tokenBytes[Int(b >> 6)] & (1 << UInt64(b & 63)) != 0 }
    }

    /// The token bytes as a bit set over ASCII: one test a byte of every
    /// field name of every response.
    private static let tokenBytes: [UInt64] = {
        var bits: [UInt64] = [0, 0]
        for b in Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&'*+-.^_`|~".utf8) {
            bits[Int(b >> 6)] |= 1 << UInt64(b & 63)
        }
        return bits
    }()

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The text of `bytes[from..<to]` without leading (and, if asked, trailing) spaces and tabs.
    private static func trimmed(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int, trailing: Bool) -> String {
        var start = from, end = to
        while start < end, isBlank(bytes[start]) { start += 1 }
        while trailing, end > start, isBlank(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// "HTTP/1.1 404 Not Found" → 404; "HTTP/2 200" → 200. A code that is
    /// not three digits from 100 (`-5`, `+200`, `3`, `099`, `20000`) is no
    /// status: 0.
    package static func statusCode(of statusLine: String) -> Int {
        var line = statusLine
        return line.withUTF8 { statusCode(ofBytes: UnsafeRawBufferPointer($0)) }
    }

    /// The same, read straight from the line's bytes: the second of its
    /// space-separated parts, exactly three digits.
    static func statusCode(ofBytes line: UnsafeRawBufferPointer) -> Int {
        let space = UInt8(ascii: " ")
        // `split(maxSplits:)` semantics: runs of spaces separate, leading ones do not count.
        var i = 0
        while i < line.count, line[i] == space { i += 1 }
        while i < line.count, line[i] != space { i += 1 }
        while i < line.count, line[i] == space { i += 1 }
        var code = 0
        var digits = 0
        while i < line.count, line[i] != space {
            let b = line[i]
            guard b >= 0x30 && b <= 0x39, digits < 3 else { return 0 }
            code = code * 10 + Int(b - 0x30)
            digits += 1
            i += 1
        }
        return digits == 3 && code >= 100 ? code : 0
    }
}
