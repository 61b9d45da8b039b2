/// Waiting transfers: FIFO within a priority, higher priority first, kept
/// per host so that a host at its limit never blocks the scan for others.
struct TransferQueue {
    private struct Entry {
        var id: UInt64
        var priority: Int
        /// Order within a priority. A Double so that a moved entry can take
        /// a place between two others without renumbering the queue.
        var sequence: Double
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
    /// The largest sequence given out: a new entry goes after it.
    private var sequence: Double = 0
    private var removed: Set<UInt64> = []
    private(set) var count = 0

    mutating func push(_ id: UInt64, host: String, priority: Int) {
        sequence = sequence.rounded(.down) + 1
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

    /// Moves a waiting entry to the front, the back, or next to another
    /// waiting entry (the list's order, which the person changed). Only the
    /// moved entry changes: it takes a sequence between its new neighbours.
    /// False when `id` (or the neighbour) is not waiting here.
    @discardableResult
    mutating func move(_ id: UInt64, _ placement: QueuePlacement) -> Bool {
        guard !removed.contains(id), let (host, priority, index) = locate(id) else { return false }
        let others = { (e: Entry) in e.id != id }
        let newSequence: Double
        switch placement {
        case .top:
            newSequence = (allEntries().filter(others).map(\.sequence).min() ?? 1) - 1
        case .bottom:
            sequence = sequence.rounded(.down) + 1
            newSequence = sequence
        case .before(let neighbour), .after(let neighbour):
            guard neighbour != id, !removed.contains(neighbour), let (nh, np, ni) = locate(neighbour) else { return false }
            let pivot = lanes[nh]![np]!.items[ni].sequence
            let rest = allEntries().filter(others).map(\.sequence)
            if case .before = placement {
                newSequence = rest.filter { $0 < pivot }.max().map { ($0 + pivot) / 2 } ?? pivot - 1
            } else {
                newSequence = rest.filter { $0 > pivot }.min().map { ($0 + pivot) / 2 } ?? pivot + 1
                sequence = max(sequence, newSequence)
            }
        }
        var entry = lanes[host]![priority]!.items.remove(at: index)
        entry.sequence = newSequence
        var lane = lanes[host]![priority]!
        var at = lane.head
        while at < lane.items.count && lane.items[at].sequence < newSequence { at += 1 }
        lane.items.insert(entry, at: at)
        lanes[host]![priority] = lane
        return true
    }

    /// The lane and index of `id`'s waiting entry.
    private func locate(_ id: UInt64) -> (String, Int, Int)? {
        for (host, byPriority) in lanes {
            for (priority, lane) in byPriority {
                if let index = lane.items[lane.head...].lastIndex(where: { $0.id == id }) { return (host, priority, index) }
            }
        }
        return nil
    }

    private func allEntries() -> [Entry] {
        lanes.values.flatMap { $0.values.flatMap { $0.items[$0.head...] } }
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
