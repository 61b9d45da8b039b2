import Foundation

/// Reordering the waiting rows: the TUI's keys (one place up or down, or to
/// either end) and a remote client's position both go through
/// `move(_:toWaitingPosition:)`, which the list, the scheduler and the row's
/// rank (what the state directory keeps) all take, so the order survives a
/// restart whoever moved it.
extension TransferManager {
    /// Moves waiting transfer `id`; false when it is not waiting or is
    /// already at that end.
    @discardableResult
    public func move(_ id: UInt64, _ move: QueueMove) -> Bool {
        guard let (position, count) = waitingPosition(of: id) else { return false }
        let target: Int
        switch move {
        case .up: target = position - 1
        case .down: target = position + 1
        case .top: target = 0
        case .bottom: target = count - 1
        }
        guard target >= 0, target < count, target != position else { return false }
        return self.move(id, toWaitingPosition: target) != nil
    }

    /// Moves a waiting (queued or paused) row to `position` among the waiting
    /// rows, clamped to their range, in the list and in the order they start.
    /// Returns the position it took; nil when the row is not waiting.
    public func move(_ id: UInt64, toWaitingPosition position: Int) -> Int? {
        let result = state.withLock { s -> (Int, [UInt64])? in
            var order = s.list.map(\.id)
            var slots: [Int] = []
            var waiting: [UInt64] = []
            for (slot, row) in s.list.enumerated() where row.state == .queued || row.state == .paused {
                slots.append(slot)
                waiting.append(row.id)
            }
            guard let from = waiting.firstIndex(of: id) else { return nil }
            let to = max(0, min(position, waiting.count - 1))
            guard to != from else { return (to, []) }
            waiting.remove(at: from)
            waiting.insert(id, at: to)
            for (slot, rowID) in zip(slots, waiting) { order[slot] = rowID }
            s.list.reorder(order)
            // The rank is what the state directory keeps of the order: every
            // mover (the TUI's keys, aria2's changePosition) sets it here, or
            // a restart would put the row back where it was.
            if let index = s.list.position(of: id) {
                let rank = Self.rank(at: index, in: s)
                s.rows[id]?.rank = rank
                s.nextRank = max(s.nextRank, rank.rounded(.up))
            }
            // Every reader re-reads the whole list: only it can say the order changed.
            s.log.forget(before: s.version + 1)
            s.touch(id)
            return (to, Array(waiting[min(from, to)...]))
        }
        guard let (to, requeued) = result else { return nil }
        if !requeued.isEmpty { session.scheduler.post(.requeue(requeued)) }
        persistWake.signal()
        return to
    }

    /// A rank between the ranked rows around `index` in the order.
    private static func rank(at index: Int, in s: ManagerState) -> Double {
        let before = (0..<index).lazy.reversed().compactMap { s.rows[s.list[$0].id]?.rank }.first
        let after = ((index + 1)..<s.list.count).lazy.compactMap { s.rows[s.list[$0].id]?.rank }.first
        switch (before, after) {
        case let (b?, a?): return (b + a) / 2
        case let (b?, nil): return b + 1
        case let (nil, a?): return a - 1
        case (nil, nil): return 1
        }
    }
}
