/// A response as read off the wire by `RawHTTPConnection`, with the header
/// lines kept as raw bytes so tests can check exactly what was sent.
struct RawHTTPResponse {
    var statusLine: String
    var status: Int
    var headerLines: [[UInt8]]
    var body: [UInt8]
    /// The body ended (peer closed) before its declared length or last chunk.
    var truncated: Bool

    /// The first header with this name (case-insensitive), value trimmed.
    func header(_ name: String) -> String? {
        headers(name).first
    }

    func headers(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headerLines.compactMap { line in
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            guard String(decoding: line[..<colon], as: UTF8.self).lowercased() == wanted else { return nil }
            return String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: " \t")
        }
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
