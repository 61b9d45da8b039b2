/// The scheduler's rate policy: which cap each running transfer gets now.
/// A global limit is split among the running transfers of its direction by
/// max-min fairness (water-filling): one whose own cap is below an equal
/// share keeps its own cap and the rest is shared by the others. It is
/// recomputed whenever a transfer starts, pauses, resumes or ends, or a limit
/// changes, and only the caps that changed go to the engine.
struct BandwidthShares {
    enum Direction {
        case download
        case upload
    }

    private struct Member {
        var direction: Direction
        /// The transfer's own cap; 0 for none.
        var own: Int64
        /// Paused: keeps its place for `applied`, takes no share.
        var active: Bool
    }

    private(set) var limits = RateLimits.none
    private var members: [UInt64: Member] = [:]
    /// What the engine was last told for each transfer still in it.
    private var applied: [UInt64: Int64] = [:]

    mutating func setLimits(_ limits: RateLimits) {
        self.limits = limits
    }

    /// A transfer runs (again), with its own cap.
    mutating func join(_ id: UInt64, direction: Direction, own: Int64) {
        members[id] = Member(direction: direction, own: max(0, own), active: true)
    }

    mutating func setOwn(_ id: UInt64, _ own: Int64) {
        members[id]?.own = max(0, own)
    }

    /// Paused in the engine: its share goes to the others, its handle stays.
    mutating func pause(_ id: UInt64) {
        members[id]?.active = false
    }

    /// Out of the engine (ended, retried, suspended): nothing more to tell it.
    mutating func leave(_ id: UInt64) {
        members[id] = nil
        applied[id] = nil
    }

    /// The caps that differ from what the engine has: (transfer, bytes per
    /// second, 0 for none). Remembers them as applied.
    mutating func changes() -> [(id: UInt64, cap: Int64)] {
        var result: [(id: UInt64, cap: Int64)] = []
        for direction in [Direction.download, .upload] {
            let global = direction == .download ? limits.download : limits.upload
            let ids = members.filter { $0.value.direction == direction && $0.value.active }.map(\.key)
            let caps = Self.waterFill(global: global, own: ids.map { members[$0]!.own })
            for (id, cap) in zip(ids, caps) where applied[id] ?? 0 != cap {
                applied[id] = cap
                result.append((id, cap))
            }
        }
        return result
    }

    /// Max-min fair caps under `global` (0: no global limit) for transfers
    /// whose own caps are `own` (0: none), in the same order. Every cap is
    /// at least 1 byte/s when a global limit applies, so nobody is starved
    /// to a stop.
    static func waterFill(global: Int64, own: [Int64]) -> [Int64] {
        guard global > 0, !own.isEmpty else { return own }
        var caps = own
        var remaining = global
        var left = own.count
        // Smallest own caps first; an uncapped one sorts last.
        let order = own.indices.sorted { (own[$0] == 0 ? .max : own[$0]) < (own[$1] == 0 ? .max : own[$1]) }
        for index in order {
            let share = max(1, remaining / Int64(left))
            let cap = own[index] > 0 ? min(own[index], share) : share
            caps[index] = cap
            remaining = max(0, remaining - cap)
            left -= 1
        }
        return caps
    }
}
