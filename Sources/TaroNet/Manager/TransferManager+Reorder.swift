import Foundation

/// The TUI's reorder keys: a waiting row one place up or down among the
/// waiting rows, or to either end of them. The list and the scheduler take
/// the new order through `move(_:toWaitingPosition:)`; the row's rank (what
/// the state directory keeps) records it, so the order survives a restart.
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
        guard target >= 0, target < count, target != position,
              self.move(id, toWaitingPosition: target) != nil else { return false }
        state.withLock { s in
            guard let index = s.list.position(of: id) else { return }
            let rank = Self.rank(at: index, in: s)
            s.rows[id]?.rank = rank
            s.nextRank = max(s.nextRank, rank.rounded(.up))
            s.touch(id)
        }
        persistWake.signal()
        return true
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
