/// Which rows changed at which version, oldest first: how a reader that has
/// version v learns what changed since without looking at every row. Bounded:
/// past its capacity the oldest half goes, and a reader older than what is
/// left gets the whole list instead.
struct ChangeLog {
    /// Changes remembered: a few seconds of a busy list's ticks.
    static let capacity = 16_384

    private var entries: [(version: UInt64, id: UInt64)] = []
    /// Rows taken off the list, as they were, also logged as changes.
    /// Kept apart because they are rare and a reader needs them every
    /// time, where it needs the changed ids sorted only now and then.
    private var removals: [(version: UInt64, id: UInt64)] = []
    /// Readers at or after this version can be answered from the log.
    private(set) var floor: UInt64 = 0

    mutating func append(_ id: UInt64, at version: UInt64, capacity: Int) {
        entries.append((version, id))
        if entries.count > capacity {
            let drop = entries.count / 2
            floor = entries[drop - 1].version
            entries.removeFirst(drop)
            removals.removeAll { $0.version <= floor }
        }
    }

    /// Row `id` was taken off the list at `version` (appended as a change too).
    mutating func appendRemoval(_ id: UInt64, at version: UInt64) {
        removals.append((version, id))
    }

    /// Every reader older than `version` gets the whole list next: the
    /// order of rows changed, which a list of changed ids cannot say.
    mutating func forget(before version: UInt64) {
        entries.removeAll()
        removals.removeAll()
        floor = version
    }

    /// The distinct ids changed after `version`, smallest first (the order
    /// rows were queued in); nil when the log no longer reaches back that far.
    func sortedIDs(after version: UInt64) -> [UInt64]? {
        guard let first = firstEntry(after: version) else { return nil }
        return Self.distinctSorted(entries[first...].map(\.id))
    }

    /// What changed after `version` as it was logged: every id in the order
    /// changed, repeats and removed rows included, and the ids removed; nil
    /// when the log no longer reaches back that far. What the change feed
    /// takes under the manager's lock each tick: a copy, nothing sorted, as
    /// most readers (the screen adopting the shared list) never ask which
    /// rows changed, and one that does sorts after the lock is let go.
    func logged(after version: UInt64) -> (ids: [UInt64], removed: [UInt64])? {
        guard let first = firstEntry(after: version) else { return nil }
        var removed: [UInt64] = []
        for removal in removals.reversed() {
            guard removal.version > version else { break }
            removed.append(removal.id)
        }
        return (entries[first...].map(\.id), removed.reversed())
    }

    /// Each id once, smallest first: sorting plain numbers costs less than
    /// hashing each into a set.
    static func distinctSorted(_ logged: [UInt64]) -> [UInt64] {
        var ids = logged
        ids.sort()
        var kept = 0
        for id in ids where kept == 0 || ids[kept - 1] != id {
            ids[kept] = id
            kept += 1
        }
        ids.removeLast(ids.count - kept)
        return ids
    }

    /// Where the entries newer than `version` start; nil when the log no
    /// longer reaches back that far.
    private func firstEntry(after version: UInt64) -> Int? {
        guard version >= floor else { return nil }
        // Versions grow along the log: binary search for the first newer one.
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].version <= version { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
