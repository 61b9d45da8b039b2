import Foundation

/// Rate shares and long pauses: the scheduler decides, the engine applies.
extension TransferScheduler {
    /// Tells the engine the caps that changed (see `BandwidthShares`).
    func applyShares() {
        for (id, cap) in shares.changes() {
            loop?.setSpeedCap(id, bytesPerSecond: cap)
        }
    }

    /// Once a second under a global limit: what each running transfer
    /// takes, so that a share one cannot use goes to the others.
    func observeRates(now: UInt64) -> UInt64? {
        let ids = shares.observed
        guard ids.count > 1 else { return nil }
        if now >= nextRateCheck {
            for id in ids {
                guard let core = entries[id]?.run?.core else { continue }
                shares.observe(id, bytesPerSecond: core.snapshot().bytesPerSecond, now: now)
            }
            applyShares()
            nextRateCheck = now + 1_000_000_000
        }
        return nextRateCheck
    }

    /// A transfer's own cap changed live: it holds for every later attempt too.
    func setOwnRate(_ id: UInt64, _ bytesPerSecond: Int64) {
        guard entries[id] != nil else { return }
        shares.setOwn(id, bytesPerSecond)
        applyShares()
    }

    /// Paused in the engine: its connection is closed after the grace.
    func startPauseClock(_ id: UInt64) {
        let due = DispatchTime.now().uptimeNanoseconds + UInt64(currentLimits.pauseGrace * 1e9)
        entries[id]?.run?.pauseDeadline = due
        pauseTimers.add(id, due: due)
    }

    /// Closes the connections of pauses past their grace; true when any changed.
    func firePauseTimers(now: UInt64) -> Bool {
        var any = false
        for id in pauseTimers.popDue(now: now) {
            // A pause that was resumed (and maybe paused again) has a later deadline, or none.
            guard let deadline = entries[id]?.run?.pauseDeadline, deadline <= now else { continue }
            let canSuspend = loop?.canSuspend(id) ?? false
            apply(id) { $0.pauseExpired(canSuspend: canSuspend) }
            any = true
        }
        return any
    }
}
