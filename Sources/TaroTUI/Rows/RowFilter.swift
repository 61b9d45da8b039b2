import Glibc
import TaroNet

/// What `/` typed selects: every word must match. `state:failed` matches
/// the row's state word (`active` includes connecting), `host:example.com`
/// the URL's host, any other word the name or the URL. Case does not
/// matter for ASCII letters. A view over the rows, never a change to them:
/// the list in queue order stays as the feed keeps it.
struct RowFilter: Equatable {
    /// What the state words ask, all of them together.
    fileprivate enum StateRule: Equatable {
        case any
        case only(TransferSnapshot.State)
        /// An unknown state word, or two different ones.
        case never
    }

    /// A host or text word: where its bytes are in `needleBytes`.
    fileprivate struct Needle: Equatable {
        var range: Range<Int>
        var isHost: Bool
    }

    private let stateRule: StateRule
    /// The host and text words' bytes, lowercased, one after another: a
    /// walk over every row reads them through one pointer (see Matcher).
    private let needleBytes: [UInt8]
    private let needles: [Needle]

    /// Nil for a query of only spaces (no filter at all).
    init?(_ query: String) {
        let words = query.split(separator: " ")
        guard !words.isEmpty else { return nil }
        var rule = StateRule.any
        var bytes: [UInt8] = []
        var needles: [Needle] = []
        for word in words {
            let lower = Self.lowerBytes(word)
            if word.lowercased().hasPrefix("state:") {
                switch (rule, Self.state(named: word.dropFirst(6).lowercased())) {
                case (_, nil): rule = .never
                case (.any, let wanted?): rule = .only(wanted)
                case (.only(let have), let wanted?) where have != wanted: rule = .never
                default: break
                }
            } else {
                let isHost = Self.isHostWord(word)
                let start = bytes.count
                bytes += isHost ? lower.dropFirst(5) : lower[...]
                needles.append(Needle(range: start..<bytes.count, isHost: isHost))
            }
        }
        stateRule = rule
        needleBytes = bytes
        self.needles = needles
    }

    func matches(_ row: TransferSnapshot) -> Bool {
        var name = row.name, url = row.url
        return withMatcher { matcher in
            name.withUTF8 { name in
                url.withUTF8 { url in
                    matcher.matches(state: row.state, name: name, url: url, host: Self.hostRange(in: url), lowered: false)
                }
            }
        }
    }

    /// No row can match: a state word names no state ("state:fai", typed
    /// on the way to "state:failed"), or two state words disagree.
    var matchesNothing: Bool { stateRule == .never }

    /// `host:example.com`: a word that matches the URL's host only.
    static func isHostWord(_ word: Substring) -> Bool {
        word.lowercased().hasPrefix("host:")
    }

    /// Calls `body` with this filter read through pointers, for a walk over
    /// many rows: nothing is retained or released per row.
    func withMatcher<Result>(_ body: (Matcher) -> Result) -> Result {
        needleBytes.withUnsafeBufferPointer { bytes in
            needles.withUnsafeBufferPointer { needles in
                body(Matcher(rule: stateRule, bytes: bytes, needles: needles))
            }
        }
    }

    /// The test itself, over a row's name and URL as UTF-8 bytes and where
    /// the URL's host lies in them: a row read from the list and a row's
    /// FilterKeys entry go through this one test, so they cannot disagree.
    /// Valid only inside `withMatcher`.
    struct Matcher {
        fileprivate let rule: StateRule
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        fileprivate let needles: UnsafeBufferPointer<Needle>

        /// `lowered`: the name and URL are lowercased already (FilterKeys),
        /// so the search compares bytes as they are.
        @inline(__always)
        func matches(state: TransferSnapshot.State, name: UnsafeBufferPointer<UInt8>, url: UnsafeBufferPointer<UInt8>,
                     host: Range<Int>, lowered: Bool) -> Bool {
            switch rule {
            case .any: break
            case .only(let wanted): if (state == .connecting ? .active : state) != wanted { return false }
            case .never: return false
            }
            for needle in needles {
                let word = UnsafeBufferPointer(rebasing: bytes[needle.range])
                if needle.isHost {
                    if !RowFilter.search(UnsafeBufferPointer(rebasing: url[host]), word, lowered: lowered) { return false }
                } else if !RowFilter.search(name, word, lowered: lowered)
                            && !RowFilter.search(url, word, lowered: lowered) {
                    return false
                }
            }
            return true
        }
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
    /// "://" (or "@") and the next "/", ":", "?" or "#". Read byte by byte,
    /// with nothing allocated: it runs for every row when the keys are built.
    static func hostRange(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/")
        var start = 0
        var index = 0
        while index + 3 <= bytes.count {
            if bytes[index] == colon && bytes[index + 1] == slash && bytes[index + 2] == slash {
                start = index + 3
                break
            }
            index += 1
        }
        var end = start
        while end < bytes.count, bytes[end] != slash, bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") {
            end += 1
        }
        var hostStart = start
        index = end
        while index > start {
            index -= 1
            if bytes[index] == UInt8(ascii: "@") {
                hostStart = index + 1
                break
            }
        }
        var hostEnd = hostStart
        while hostEnd < end, bytes[hostEnd] != colon { hostEnd += 1 }
        return hostStart..<hostEnd
    }

    private static func lowerBytes(_ text: Substring) -> [UInt8] {
        text.utf8.map(lower)
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// ASCII-case-insensitive substring search over UTF-8 bytes: no String
    /// is built per row, which is what keeps 100,000 rows within a keystroke.
    /// `needle` is lowercased; so is `hay` when `lowered`, and then the
    /// C library compares its bytes as they are.
    @inline(__always)
    fileprivate static func search(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                                   lowered: Bool) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard hay.count >= n else { return false }
        return lowered ? searchLowered(hay, needle) : searchAnyCase(hay, needle)
    }

    private static func searchLowered(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        var from = hay.baseAddress!
        // One past the last place the needle could start.
        let end = from + (hay.count - n + 1)
        // A word typed at the start of the name is the common broad match:
        // comparing there first spares two calls for most rows. Past it,
        // memchr skips the bytes that cannot start a match several times
        // faster than a byte loop (measured over 100,000 names and URLs).
        var matched = 0
        while matched < n && from[matched] == needle[matched] { matched += 1 }
        if matched == n { return true }
        from += 1
        while from < end {
            guard let hit = memchr(from, Int32(needle[0]), end - from) else { return false }
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(at + 1, needle.baseAddress! + 1, n - 1) == 0 { return true }
            from = at + 1
        }
        return false
    }

    private static func searchAnyCase(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
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
