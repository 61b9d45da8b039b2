import TaroNet

/// How the list is ordered on screen: the queue's own order, or sorted by
/// one column either way. A view only: the queue the scheduler follows is
/// not changed by it.
public struct RowOrder: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        case queue, name, size, progress, speed, state, added
    }

    public var key: Key = .queue
    public var descending = false

    public init(key: Key = .queue, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }

    public var isQueueOrder: Bool { key == .queue && !descending }

    /// The next key in the cycle `s` walks: queue, name, size, progress,
    /// speed, state, added, queue again; each starts in its natural direction
    /// (the most interesting first: largest, fastest, most done).
    func next() -> RowOrder {
        let all = Key.allCases
        let key = all[(all.firstIndex(of: self.key)! + 1) % all.count]
        return RowOrder(key: key, descending: key == .size || key == .progress || key == .speed)
    }

    /// What the message says after "List": "sorted by speed ↓", "in queue order ↑".
    func label(ascii: Bool) -> String {
        let arrow = descending ? (ascii ? "v" : "↓") : (ascii ? "^" : "↑")
        return key == .queue ? "in queue order \(arrow)" : "sorted by \(key.rawValue) \(arrow)"
    }

    /// Whether a row changing in place can move it (speed changes each tick; a name never does).
    var dependsOnProgress: Bool { key == .progress || key == .speed || key == .state || key == .size }

    /// `a` before `b` in this order; ties keep queue order (the caller sorts stably by position).
    func precedes(_ a: TransferSnapshot, _ b: TransferSnapshot) -> Bool? {
        let ascending: Bool?
        switch key {
        case .queue: ascending = nil
        case .name: ascending = a.name == b.name ? nil : a.name.lowercased() < b.name.lowercased()
        case .size: ascending = Self.compare(a.bytesTotal ?? -1, b.bytesTotal ?? -1)
        case .progress: ascending = Self.compare(Self.fraction(a), Self.fraction(b))
        case .speed: ascending = Self.compare(a.bytesPerSecond, b.bytesPerSecond)
        case .state: ascending = Self.compare(Self.rank(a.state), Self.rank(b.state))
        case .added: ascending = Self.compare(a.queuedAt, b.queuedAt)
        }
        return ascending.map { descending ? !$0 : $0 }
    }

    private static func compare<T: Comparable>(_ a: T, _ b: T) -> Bool? { a == b ? nil : a < b }

    private static func fraction(_ row: TransferSnapshot) -> Double {
        if row.state == .done { return 1 }
        guard let total = row.bytesTotal, total > 0 else { return 0 }
        return Double(row.bytesDone) / Double(total)
    }

    /// Running first, then waiting, then what ended (failed before done).
    private static func rank(_ state: TransferSnapshot.State) -> Int {
        switch state {
        case .active, .connecting: return 0
        case .paused: return 1
        case .queued: return 2
        case .saved: return 3
        case .failed: return 4
        case .aborted: return 5
        case .done: return 6
        }
    }
}
