import TaroNet

/// What `/` typed selects: every word must match. `state:failed` matches
/// the row's state word (`active` includes connecting), `host:example.com`
/// the URL's host, any other word the name or the URL. Case does not
/// matter for ASCII letters. A view over the rows, never a change to them:
/// the list in queue order stays as the feed keeps it.
struct RowFilter: Equatable {
    private enum Term: Equatable {
        case state(TransferSnapshot.State?)
        case host([UInt8])
        case text([UInt8])
    }

    private let terms: [Term]

    /// Nil for a query of only spaces (no filter at all).
    init?(_ query: String) {
        var terms: [Term] = []
        for word in query.split(separator: " ") {
            let lower = Self.lowerBytes(word)
            if word.lowercased().hasPrefix("state:") {
                terms.append(.state(Self.state(named: word.dropFirst(6).lowercased())))
            } else if word.lowercased().hasPrefix("host:") {
                terms.append(.host(Array(lower.dropFirst(5))))
            } else {
                terms.append(.text(lower))
            }
        }
        guard !terms.isEmpty else { return nil }
        // The cheapest test first: a state word rejects most rows without
        // reading a byte of text.
        self.terms = terms.filter { if case .state = $0 { return true }; return false }
            + terms.filter { if case .state = $0 { return false }; return true }
    }

    func matches(_ row: TransferSnapshot) -> Bool {
        for term in terms {
            switch term {
            case .state(let wanted):
                guard let wanted else { return false }
                let state = row.state == .connecting ? .active : row.state
                if state != wanted { return false }
            case .host(let needle):
                if !Self.contains(Self.host(of: row.url), needle) { return false }
            case .text(let needle):
                if !Self.contains(row.name.utf8, needle) && !Self.contains(row.url.utf8, needle) { return false }
            }
        }
        return true
    }

    /// The state words the list shows, as a filter names them.
    private static func state(named word: String) -> TransferSnapshot.State? {
        switch word {
        case "queued", "waiting": return .queued
        case "active", "running": return .active
        case "paused": return .paused
        case "done", "finished": return .done
        case "failed": return .failed
        case "aborted": return .aborted
        case "saved": return .saved
        default: return nil
        }
    }

    /// The authority of a URL without userinfo or port: the bytes between
    /// "://" (or "@") and the next "/", ":", "?" or "#".
    private static func host(of url: String) -> ArraySlice<UInt8> {
        let bytes = Array(url.utf8)
        var start = 0
        if let scheme = firstRange(of: Array("://".utf8), in: bytes) { start = scheme + 3 }
        var end = start
        while end < bytes.count, !"/?#".utf8.contains(bytes[end]) { end += 1 }
        var hostStart = start
        if let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")) { hostStart = at + 1 }
        var hostEnd = hostStart
        while hostEnd < end, bytes[hostEnd] != UInt8(ascii: ":") { hostEnd += 1 }
        return bytes[hostStart..<hostEnd]
    }

    private static func firstRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    private static func lowerBytes(_ text: Substring) -> [UInt8] {
        text.utf8.map(lower)
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// ASCII-case-insensitive substring search over UTF-8 bytes: no String
    /// is built per row, which is what keeps 100,000 rows within a keystroke.
    private static func contains<C: Collection>(_ haystack: C, _ needle: [UInt8]) -> Bool where C.Element == UInt8 {
        guard !needle.isEmpty else { return true }
        if let found = haystack.withContiguousStorageIfAvailable({ search($0, needle) }) { return found }
        return Array(haystack).withUnsafeBufferPointer { search($0, needle) }
    }

    private static func search(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard hay.count >= n else { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if lower(hay[i]) == first {
                var j = 1
                while j < n && lower(hay[i + j]) == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
