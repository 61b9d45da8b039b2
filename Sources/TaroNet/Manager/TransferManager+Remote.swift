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
