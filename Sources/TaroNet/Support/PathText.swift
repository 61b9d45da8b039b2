/// The few path and URL text operations a transfer needs, on UTF-8 bytes.
/// Foundation's NSString bridges (lastPathComponent, range(of:),
/// removingPercentEncoding) cost several microseconds a call; a list of
/// thousands of small files calls them for every file.
enum PathText {
    /// "/a/b/c.bin" → "c.bin"; "/a/b/" → "b"; "/" → "/"; as NSString's lastPathComponent.
    static func lastComponent(_ path: String) -> String {
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        // Only slashes: Foundation says "/" for "/" and "" for "//" and more.
        if end == bytes.startIndex { return path == "/" ? "/" : "" }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != UInt8(ascii: "/") {
            start = bytes.index(before: start)
        }
        return String(path[start..<end])
    }

    /// "/a/b/c.bin" → "/a/b"; "c.bin" → ""; "/c" → "/": the directory part, as
    /// NSString's deletingLastPathComponent for the absolute paths used here.
    static func directory(_ path: String) -> String {
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        guard let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == bytes.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Where "://" is in a URL's text, if anywhere.
    static func schemeSeparator(_ url: String) -> Range<String.Index>? {
        let bytes = url.utf8
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: ":") {
                let slash1 = bytes.index(after: i)
                if slash1 < bytes.endIndex, bytes[slash1] == UInt8(ascii: "/") {
                    let slash2 = bytes.index(after: slash1)
                    if slash2 < bytes.endIndex, bytes[slash2] == UInt8(ascii: "/") {
                        return i..<bytes.index(after: slash2)
                    }
                }
            }
            i = bytes.index(after: i)
        }
        return nil
    }

    /// The authority of a URL's text ("user@host:port"): from after "://"
    /// to the first "/", "?" or "#".
    static func authority(_ url: String) -> Range<String.Index>? {
        guard let schemeEnd = schemeSeparator(url) else { return nil }
        let bytes = url.utf8
        let end = bytes[schemeEnd.upperBound...].firstIndex {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
        } ?? bytes.endIndex
        return schemeEnd.upperBound..<end
    }

    /// %XX sequences decoded; nil when one is malformed or the result is
    /// not UTF-8 (as `removingPercentEncoding`).
    static func percentDecoded(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var it = text.utf8.makeIterator()
        while let byte = it.next() {
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                continue
            }
            guard let high = it.next().flatMap(hexValue), let low = it.next().flatMap(hexValue) else { return nil }
            out.append(high << 4 | low)
        }
        return String(validating: out, as: UTF8.self)
    }

    /// The value of one hex digit (either case), nil for any other byte.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
