/// Waiting transfers: FIFO within a priority, higher priority first, kept
/// per host so that a host at its limit never blocks the scan for others.
struct TransferQueue {
    private struct Entry {
        var id: UInt64
        var priority: Int
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
    private var removed: Set<UInt64> = []
    private(set) var count = 0

    mutating func push(_ id: UInt64, host: String, priority: Int) {
        sequence += 1
        lanes[host, default: [:]][priority, default: Lane()].push(Entry(id: id, priority: priority, sequence: sequence))
        count += 1
    }

    /// Marks an entry gone (aborted while waiting); skipped when reached.
    mutating func remove(_ id: UInt64) {
        if removed.insert(id).inserted { count -= 1 }
    }

    /// The best waiting transfer among hosts that `canStart` accepts.
    mutating func popNext(canStart: (String) -> Bool) -> (id: UInt64, host: String)? {
        var best: (host: String, priority: Int, entry: Entry)?
        for (host, byPriority) in lanes where canStart(host) {
            for (priority, _) in byPriority {
                guard let entry = firstLive(host: host, priority: priority) else { continue }
                if best == nil || entry.priority > best!.entry.priority
                    || (entry.priority == best!.entry.priority && entry.sequence < best!.entry.sequence) {
                    best = (host, priority, entry)
                }
            }
        }
        guard let best else { return nil }
        _ = lanes[best.host]![best.priority]!.pop()
        if lanes[best.host]![best.priority]!.isEmpty { lanes[best.host]![best.priority] = nil }
        if lanes[best.host]!.isEmpty { lanes[best.host] = nil }
        count -= 1
        return (best.entry.id, best.host)
    }

    /// Drops removed entries from the front of a lane; returns its live head.
    private mutating func firstLive(host: String, priority: Int) -> Entry? {
        while let e = lanes[host]?[priority]?.first, removed.contains(e.id) {
            _ = lanes[host]![priority]!.pop()
            removed.remove(e.id)
        }
        return lanes[host]?[priority]?.first
    }
}
