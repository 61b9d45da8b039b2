import Foundation

/// Reordering the queue: the manager's list and the scheduler's queue take
/// the same new order, and the row's rank (what the state directory keeps)
/// records it, so it survives a restart. Only waiting (queued) rows move,
/// and only past other waiting rows: running and finished rows stay put.
extension TransferManager {
    /// Moves waiting transfer `id`; false when it is not waiting or has no
    /// waiting row to pass in that direction.
    @discardableResult
    public func move(_ id: UInt64, _ move: QueueMove) -> Bool {
        let placement: QueuePlacement? = state.withLock { s in
            guard s.rows[id]?.snapshot.state == .queued, let from = s.order.firstIndex(of: id) else { return nil }
            let waiting = { (i: Int) in s.rows[s.order[i]]?.snapshot.state == .queued }
            let target: Int?
            let placement: QueuePlacement
            switch move {
            case .up:
                target = (0..<from).last(where: waiting)
                placement = .before(target.map { s.order[$0] } ?? 0)
            case .down:
                target = (from + 1..<s.order.count).first(where: waiting)
                placement = .after(target.map { s.order[$0] } ?? 0)
            case .top:
                target = (0..<from).first(where: waiting)
                placement = .top
            case .bottom:
                target = (from + 1..<s.order.count).last(where: waiting)
                placement = .bottom
            }
            guard let target else { return nil }
            s.order.remove(at: from)
            // Past a later neighbour, its index moved down by one with the removal.
            s.order.insert(id, at: target)
            let rank = Self.rank(at: target, in: s)
            s.rows[id]?.rank = rank
            s.nextRank = max(s.nextRank, rank.rounded(.up))
            s.touch(id)
            // Readers keep rows by position: the next answer is the whole list.
            s.orderVersion = s.version
            return placement
        }
        guard let placement else { return false }
        session.scheduler.post(.move(id, placement))
        persistWake.signal()
        return true
    }

    /// A rank between the ranked rows around `index` in the order.
    private static func rank(at index: Int, in s: ManagerState) -> Double {
        let before = s.order[..<index].lazy.reversed().compactMap { s.rows[$0]?.rank }.first
        let after = s.order[(index + 1)...].lazy.compactMap { s.rows[$0]?.rank }.first
        switch (before, after) {
        case let (b?, a?): return (b + a) / 2
        case let (b?, nil): return b + 1
        case let (nil, a?): return a - 1
        case (nil, nil): return 1
        }
    }
}
