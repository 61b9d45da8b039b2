import Foundation

/// The finished rows that still keep their full exchange (every request and
/// response header, for the header pane), oldest first. Past `capacity` the
/// oldest gives its headers up: at 100,000 finished rows the headers were
/// most of the list's memory, and the rows a person looks at in the header
/// pane are the recent ones. Unfinished rows always keep theirs.
struct DetailWindow {
    /// How many finished rows keep their headers.
    static let capacity = 1000

    private var entries: [(id: UInt64, finishedAt: Date?)] = []
    private var head = 0

    var count: Int { entries.count - head }

    mutating func append(_ id: UInt64, finishedAt: Date?) {
        entries.append((id, finishedAt))
    }

    /// The oldest row beyond the capacity, with when it finished (a row
    /// retried and finished again is in the window twice: only the entry
    /// matching its present finish counts).
    mutating func popOverflow() -> (id: UInt64, finishedAt: Date?)? {
        guard count > Self.capacity else { return nil }
        let entry = entries[head]
        head += 1
        // O(1) amortised: the consumed front is dropped once it is half.
        if head > 1024 && head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
        return entry
    }
}
