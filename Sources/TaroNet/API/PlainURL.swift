/// What one pass over a URL's bytes tells, for a URL whose text needs no
/// parsing to be sure of: a scheme "://", an authority of plain host
/// characters (letters, digits, ".", "-", "_", ":"), then only bytes a
/// path, query and fragment may hold as they are (no "%", no "[", no
/// space, one "#" at most). Anything else is nil, and left to
/// `URLComponents`. Both of RequestURL's fast answers, the check and the
/// name, come from this one scan.
struct PlainURL {
    /// The scheme is "http" or "https", in any case.
    let isHTTP: Bool
    /// Bytes of the authority before its first ":".
    let hostLength: Int
    /// No ":" in the authority, or one followed by one to five digits.
    let hasPlainPort: Bool
    /// The last non-empty path segment (empty when there is none).
    let lastComponent: Range<String.Index>

    init?(_ text: String) {
        guard let separator = PathText.schemeSeparator(text) else { return nil }
        let bytes = text.utf8
        let scheme = bytes[..<separator.lowerBound]
        guard let first = scheme.first, Self.isLetter(first),
              scheme.allSatisfy({ Self.isLetter($0) || Self.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        isHTTP = (scheme.count == 4 || scheme.count == 5) && zip(scheme, "https".utf8).allSatisfy { ($0 | 0x20) == $1 }

        var i = separator.upperBound
        var host = 0, colons = 0, portDigits = 0, portIsDigits = true
        while i < bytes.endIndex, bytes[i] != 0x2F, bytes[i] != 0x3F, bytes[i] != 0x23 {
            let b = bytes[i]
            guard Self.isLetter(b) || Self.isDigit(b) || b == 0x2E || b == 0x2D || b == 0x3A || b == 0x5F else { return nil }
            if b == 0x3A {
                colons += 1
            } else if colons == 0 {
                host += 1
            } else {
                portDigits += 1
                if !Self.isDigit(b) { portIsDigits = false }
            }
            i = bytes.index(after: i)
        }
        hostLength = host
        hasPlainPort = colons == 0 || (colons == 1 && portIsDigits && (1...5).contains(portDigits))

        var segmentStart = i, lastStart = i, lastEnd = i
        var inPath = true, fragments = 0
        while i < bytes.endIndex {
            let b = bytes[i]
            guard Self.isPlainURLByte(b) else { return nil }
            if b == 0x23 { fragments += 1 }
            if inPath {
                if b == 0x3F || b == 0x23 {
                    inPath = false
                    if segmentStart < i { (lastStart, lastEnd) = (segmentStart, i) }
                } else if b == 0x2F {
                    if segmentStart < i { (lastStart, lastEnd) = (segmentStart, i) }
                    segmentStart = bytes.index(after: i)
                }
            }
            i = bytes.index(after: i)
        }
        guard fragments <= 1 else { return nil }
        if inPath, segmentStart < i { (lastStart, lastEnd) = (segmentStart, i) }
        lastComponent = lastStart..<lastEnd
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Unreserved, sub-delims, ":", "@", "/", "?" and "#": RFC 3986's
    /// characters of a path, query and fragment, less "%".
    private static func isPlainURLByte(_ b: UInt8) -> Bool {
        if isLetter(b) || isDigit(b) { return true }
        switch b {
        case 0x2D, 0x2E, 0x5F, 0x7E,  // - . _ ~
             0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D,  // ! $ & ' ( ) * + , ; =
             0x3A, 0x40, 0x2F, 0x3F, 0x23:  // : @ / ? #
            return true
        default:
            return false
        }
    }
}
