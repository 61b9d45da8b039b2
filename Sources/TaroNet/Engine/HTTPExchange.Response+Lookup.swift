extension HTTPExchange.Response {
    /// First value of a field, its name compared without regard to ASCII case.
    func value(of name: String) -> String? {
        fields.first { ASCIICase.equal($0.name, name) }?.value
    }
}

/// Header names are ASCII: comparing them byte by byte avoids Foundation's
/// locale-aware comparison, which showed up on every response.
enum ASCIICase {
    static func equal(_ a: String, _ b: String) -> Bool {
        // Most names compared are different names, most of a different length.
        guard a.utf8.count == b.utf8.count else { return false }
        var ai = a.utf8.makeIterator()
        var bi = b.utf8.makeIterator()
        while true {
            switch (ai.next(), bi.next()) {
            case (nil, nil): return true
            case let (x?, y?):
                if x == y { continue }
                if lower(x) != lower(y) { return false }
            default: return false
            }
        }
    }

    @inline(__always)
    private static func lower(_ c: UInt8) -> UInt8 {
        (c >= 65 && c <= 90) ? c | 0x20 : c
    }
}
