import Foundation

/// What a remote controller (aria2's JSON-RPC) needs beyond the TUI's keys:
/// one row by id without copying the list, and pause and resume as separate
/// orders, since a client that says "pause" must never resume by a toggle.
extension TransferManager {
    /// The row with this id as it is now, or nil when there is none.
    public func snapshot(of id: UInt64) -> TransferSnapshot? {
        state.withLock { s in
            if s.running.contains(id) { s.mergeRunning() }
            return s.snapshot(id)
        }
    }

    /// Pauses a row that is waiting or running; false when it cannot be paused.
    @discardableResult
    public func pause(_ id: UInt64) -> Bool {
        guard let shown = state.withLock({ $0.snapshot(id)?.state }), shown != .paused,
              !shown.isFinal else { return false }
        session.scheduler.post(.pause(id))
        return true
    }

    /// Resumes a paused row; false when it is not paused.
    @discardableResult
    public func resume(_ id: UInt64) -> Bool {
        guard state.withLock({ $0.snapshot(id)?.state }) == .paused else { return false }
        session.scheduler.post(.resume(id))
        return true
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
            // Every reader re-reads the whole list: only it can say the order changed.
            s.log.forget(before: s.version + 1)
            s.touch(id)
            return (to, Array(waiting[min(from, to)...]))
        }
        guard let (to, requeued) = result else { return nil }
        if !requeued.isEmpty { session.scheduler.post(.requeue(requeued)) }
        return to
    }

    /// Where a waiting row stands among the waiting rows, and how many there are.
    public func waitingPosition(of id: UInt64) -> (position: Int, count: Int)? {
        state.withLock { s in
            var position: Int?
            var count = 0
            for row in s.list where row.state == .queued || row.state == .paused {
                if row.id == id { position = count }
                count += 1
            }
            return position.map { ($0, count) }
        }
    }
}
