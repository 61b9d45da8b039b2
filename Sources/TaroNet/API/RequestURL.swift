import Foundation

/// Checks a URL before anything is queued, so a bad one fails at once with
/// a message that says what is wrong.
enum RequestURL {
    static func validate(_ text: String) -> TransferFailure? {
        if isPlainHTTP(text) { return nil }
        return parsedValidate(text)
    }

    /// `validate` by `URLComponents`: every URL that is not plain HTTP.
    static func parsedValidate(_ text: String) -> TransferFailure? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return .message("invalid url: empty") }
        guard let comps = URLComponents(string: trimmed), let scheme = comps.scheme?.lowercased() else {
            return .message("invalid url: \(text)")
        }
        guard scheme == "http" || scheme == "https" else {
            return .message("unsupported protocol: \(scheme) (only http and https)")
        }
        // Where the host is, not what it is: `host` and `percentEncodedHost`
        // run IDNA through ICU, which brought ICU's code and normalization
        // data into every `get` only to see that a host is there.
        guard let host = comps.rangeOfHost, !host.isEmpty else {
            return .message("invalid url (no host): \(text)")
        }
        return nil
    }

    /// True when the text is plainly a valid http or https URL, with no
    /// parsing: "http" or "https" (any case), "://", a host of letters,
    /// digits, ".", "-" and "_" with at most a port of one to five digits,
    /// then only bytes a path, query and fragment may hold as they are (no
    /// "%", no space, one "#" at most). Such a URL is what `URLComponents`
    /// accepts with a host; anything else is left to it. Checking every URL
    /// of an imported list with `URLComponents` was 1.3 % of `get`'s user
    /// time.
    static func isPlainHTTP(_ text: String) -> Bool {
        guard let separator = PathText.schemeSeparator(text) else { return false }
        let bytes = text.utf8
        let scheme = bytes[..<separator.lowerBound]
        guard scheme.count == 4 || scheme.count == 5,
              zip(scheme, "https".utf8).allSatisfy({ ($0 | 0x20) == $1 }) else { return false }
        var i = separator.upperBound
        var hostBytes = 0, portDigits = 0, inPort = false
        while i < bytes.endIndex, bytes[i] != 0x2F, bytes[i] != 0x3F, bytes[i] != 0x23 {
            let b = bytes[i]
            if inPort {
                guard Self.isDigit(b) else { return false }
                portDigits += 1
            } else if b == 0x3A {
                inPort = true
            } else {
                guard Self.isLetter(b) || Self.isDigit(b) || b == 0x2E || b == 0x2D || b == 0x5F else { return false }
                hostBytes += 1
            }
            i = bytes.index(after: i)
        }
        guard hostBytes > 0, !inPort || (1...5).contains(portDigits) else { return false }
        var fragments = 0
        while i < bytes.endIndex {
            let b = bytes[i]
            guard Self.isPlainURLByte(b) else { return false }
            if b == 0x23 { fragments += 1 }
            i = bytes.index(after: i)
        }
        return fragments <= 1
    }

    /// The last path component, percent-decoded; "" when there is none.
    static func lastPathComponent(_ text: String) -> String {
        plainLastPathComponent(text) ?? parsedLastPathComponent(text)
    }

    /// The same answer for a URL whose text needs no parsing to be sure of
    /// it: scheme "://" authority of plain host characters, then only bytes
    /// a path, query and fragment may hold as they are (no "%", no "[",
    /// one "#" at most). nil for anything else, which `URLComponents`
    /// decides. Naming every URL of an imported list through
    /// `URLComponents` was 5 % of the command's main thread.
    static func plainLastPathComponent(_ text: String) -> String? {
        guard let separator = PathText.schemeSeparator(text) else { return nil }
        let bytes = text.utf8
        let scheme = bytes[..<separator.lowerBound]
        guard let first = scheme.first, Self.isLetter(first),
              scheme.allSatisfy({ Self.isLetter($0) || Self.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        var i = separator.upperBound
        while i < bytes.endIndex, bytes[i] != 0x2F, bytes[i] != 0x3F, bytes[i] != 0x23 {
            let b = bytes[i]
            guard Self.isLetter(b) || Self.isDigit(b) || b == 0x2E || b == 0x2D || b == 0x3A || b == 0x5F else { return nil }
            i = bytes.index(after: i)
        }
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
        return String(text[lastStart..<lastEnd])
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

    /// `URLComponents`' answer: its percent-encoded path's last non-empty
    /// segment, decoded.
    static func parsedLastPathComponent(_ text: String) -> String {
        guard let comps = URLComponents(string: text) else { return "" }
        let path = comps.percentEncodedPath
        guard let last = path.split(separator: "/", omittingEmptySubsequences: true).last else { return "" }
        return PathText.percentDecoded(last) ?? String(last)
    }
}
