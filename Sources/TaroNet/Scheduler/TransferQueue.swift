/// Waiting transfers: FIFO within a priority, higher priority first, kept
/// per host so that a host at its limit never blocks the scan for others.
///
/// Sized for a list of 100,000 waiting transfers: an entry is two words
/// (its lane says its host and priority) and which entry of an id is live
/// is kept in an `IDIndex` (4 bytes an id) rather than a dictionary (16
/// bytes a bucket, 262,144 buckets at 100,000 ids).
struct TransferQueue {
    private struct Entry {
        var id: UInt64
        var sequence: UInt64
    }

    /// A FIFO as an array and a head index: O(1) push and pop.
    private struct Lane {
        var items: [Entry] = []
        var head = 0
        var isEmpty: Bool { head >= items.count }
        var first: Entry? { isEmpty ? nil : items[head] }
        mutating func push(_ e: Entry) { items.append(e) }
        mutating func pop() -> Entry {
            let e = items[head]
            head += 1
            if head > 1024 && head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            return e
        }
    }

    /// host → priority → lane
    private var lanes: [String: [Int: Lane]] = [:]
    private var sequence: UInt64 = 0
    /// The (low 31 bits of the) sequence of each waiting id's live entry.
    /// Any other entry of that id is stale (left by a remove, or by a remove
    /// and push that moved it) and is skipped when reached: an id paused and
    /// resumed, or moved, twice before its old entries come up has two of
    /// them. Two entries of one id could only be confused after 2^31 pushes
    /// in between.
    private var live = IDIndex()
    var count: Int { live.count }

    private static func mark(_ sequence: UInt64) -> Int32 { Int32(truncatingIfNeeded: sequence & 0x7FFF_FFFF) }

    mutating func push(_ id: UInt64, host: String, priority: Int) {
        sequence += 1
        lanes[host, default: [:]][priority, default: Lane()].push(Entry(id: id, sequence: sequence))
        live[id] = Self.mark(sequence)
    }

    /// Marks an entry gone (aborted, paused or moved while waiting); skipped when reached.
    mutating func remove(_ id: UInt64) {
        live[id] = nil
    }

    /// The best waiting transfer among hosts that `canStart` accepts.
    mutating func popNext(canStart: (String) -> Bool) -> (id: UInt64, host: String)? {
        var best: (host: String, priority: Int, entry: Entry)?
        for (host, byPriority) in lanes where canStart(host) {
            for (priority, _) in byPriority {
                guard let entry = firstLive(host: host, priority: priority) else { continue }
                if best == nil || priority > best!.priority
                    || (priority == best!.priority && entry.sequence < best!.entry.sequence) {
                    best = (host, priority, entry)
                }
            }
        }
        guard let best else { return nil }
        _ = lanes[best.host]![best.priority]!.pop()
        if lanes[best.host]![best.priority]!.isEmpty { lanes[best.host]![best.priority] = nil }
        if lanes[best.host]!.isEmpty { lanes[best.host] = nil }
        live[best.entry.id] = nil
        return (best.entry.id, best.host)
    }

    /// Drops removed entries from the front of a lane; returns its live head.
    private mutating func firstLive(host: String, priority: Int) -> Entry? {
        while let e = lanes[host]?[priority]?.first, live[e.id] != Self.mark(e.sequence) {
            _ = lanes[host]![priority]!.pop()
        }
        return lanes[host]?[priority]?.first
    }
}
