/// Deadlines per transfer, earliest first: the backoffs under way (which
/// transfers wait to be queued again, and when), and in a second instance
/// the long pauses (when a paused transfer's connection is closed). Few at a time, so a sorted array beats a heap; kept by the
/// scheduler and read by the engine loop to bound its poll.
struct RetryTimers {
    private var due: [(at: UInt64, id: UInt64)] = []

    mutating func add(_ id: UInt64, due at: UInt64) {
        let index = due.firstIndex { $0.at > at } ?? due.endIndex
        due.insert((at, id), at: index)
    }

    /// Takes every timer due at `now` or before, earliest first.
    mutating func popDue(now: UInt64) -> [UInt64] {
        let count = due.prefix { $0.at <= now }.count
        guard count > 0 else { return [] }
        defer { due.removeFirst(count) }
        return due.prefix(count).map(\.id)
    }

    var nextDue: UInt64? { due.first?.at }

    mutating func removeAll() { due.removeAll() }
}
