import Foundation

/// The scheduler's rate policy: which cap each running transfer gets now.
/// A global limit is split among the running transfers of its direction by
/// max-min fairness (water-filling): one whose own cap is below an equal
/// share keeps its own cap and the rest is shared by the others. It is
/// recomputed whenever a transfer starts, pauses, resumes or ends, or a limit
/// changes, and only the caps that changed go to the engine. Once a second
/// the scheduler reports what each one takes (`observe`): one held back
/// elsewhere (a slow server) is capped near what it takes, so that its
/// unused share goes to the others.
struct BandwidthShares {
    enum Direction {
        case download
        case upload
    }

    fileprivate struct Member {
        var direction: Direction
        /// The transfer's own cap; 0 for none.
        var own: Int64
        /// Paused: keeps its place for `applied`, takes no share.
        var active: Bool
        /// Uptime nanoseconds when it (re)joined: its rate means little before a while.
        var since: UInt64
        /// What it was seen to take, well under its cap, times 1.25: its
        /// cap while it takes that little (see `observe`).
        var demand: Int64?
    }

    /// How long a transfer runs before its rate is judged.
    static let settleNanos: UInt64 = 2_000_000_000

    private(set) var limits = RateLimits.none
    private var members: [UInt64: Member] = [:]
    /// What the engine was last told for each transfer still in it.
    private var applied: [UInt64: Int64] = [:]
    /// Caps set live (`setOwn`), which outlast an attempt.
    private var liveOwn: [UInt64: Int64] = [:]

    mutating func setLimits(_ limits: RateLimits) {
        self.limits = limits
    }

    /// A transfer runs (again), with its own cap.
    /// Its own cap is the request's, unless one was set live (`setOwn`).
    mutating func join(_ id: UInt64, direction: Direction, own: Int64,
                       now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        members[id] = Member(direction: direction, own: max(0, liveOwn[id] ?? own), active: true, since: now)
    }

    /// Paused in the engine and resumed: it takes a share again.
    mutating func resume(_ id: UInt64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        members[id]?.active = true
        members[id]?.since = now
    }

    /// The transfer is settled: its live cap goes too.
    mutating func forget(_ id: UInt64) {
        leave(id)
        liveOwn[id] = nil
    }

    /// Running transfers under a global limit, whose rates are worth judging.
    var observed: [UInt64] {
        members.filter { $0.value.active && global($0.value.direction) > 0 }.map(\.key)
    }

    /// What a transfer takes now. Under 70% of its cap, it is held back
    /// elsewhere: its cap becomes 1.25× that, and the rest of its share goes
    /// to the others. Once it takes 90% of that cap again, it gets its full
    /// share back. A rate is judged only two seconds after the transfer
    /// joined or its cap was raised: the measured rate lags a change.
    mutating func observe(_ id: UInt64, bytesPerSecond rate: Double,
                          now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        guard let member = members[id], member.active, now >= member.since + Self.settleNanos,
              let cap = applied[id], cap > 0 else { return }
        if rate < 0.7 * Double(cap) {
            members[id]?.demand = max(16_384, Int64(rate * 1.25))
        } else if rate >= 0.9 * Double(cap) {
            members[id]?.demand = nil
        }
    }

    private func global(_ direction: Direction) -> Int64 {
        direction == .download ? limits.download : limits.upload
    }

    /// A cap set live on one transfer, running or not yet: it holds for
    /// every later attempt, until the transfer is settled.
    mutating func setOwn(_ id: UInt64, _ own: Int64) {
        liveOwn[id] = max(0, own)
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
    mutating func changes(now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> [(id: UInt64, cap: Int64)] {
        var result: [(id: UInt64, cap: Int64)] = []
        for direction in [Direction.download, .upload] {
            let global = global(direction)
            var ids: [UInt64] = []
            var caps: [Int64] = []
            if global == 0 {
                // Nothing to share: each keeps its own cap, and only one that
                // differs from what the engine has costs anything (this runs
                // at every start and end of a transfer).
                for (id, member) in members where member.direction == direction && member.active
                    && applied[id] ?? 0 != member.own {
                    ids.append(id)
                    caps.append(member.own)
                }
            } else {
                ids = members.filter { $0.value.direction == direction && $0.value.active }.map(\.key)
                caps = Self.waterFill(global: global, own: ids.map { members[$0]!.cap(global: global) })
            }
            for (id, cap) in zip(ids, caps) where applied[id] ?? 0 != cap {
                if cap > applied[id] ?? 0 { members[id]?.since = now }
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

extension BandwidthShares.Member {
    /// Its own cap, lowered to what it takes while held back elsewhere
    /// (only under a global limit: there is nothing to give away otherwise).
    fileprivate func cap(global: Int64) -> Int64 {
        guard global > 0, let demand else { return own }
        return own > 0 ? min(own, demand) : demand
    }
}
