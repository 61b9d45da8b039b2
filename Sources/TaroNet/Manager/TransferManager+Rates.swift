/// Bandwidth, changed live: the global limits shared by every running
/// transfer, and one row's own cap. The scheduler turns both into each
/// transfer's share (`BandwidthShares`).
extension TransferManager {
    public var rateLimits: RateLimits { rateLimitsNow.withLock { $0 } }

    public func setRateLimits(_ limits: RateLimits) {
        rateLimitsNow.withLock { $0 = limits }
        session.setRateLimits(limits)
    }

    /// Caps one transfer (in its own direction) at `bytesPerSecond`; 0 lifts
    /// its own cap (the global limit still applies). Shown on its row.
    public func setRateLimit(_ id: UInt64, bytesPerSecond: Int64) {
        let rate = max(0, bytesPerSecond)
        let known = state.withLock { s -> Bool in
            guard var snapshot = s.snapshot(id), !snapshot.state.isFinal else { return false }
            snapshot.rateLimit = rate
            s.setSnapshot(id, snapshot)
            return true
        }
        if known {
            session.scheduler.post(.setTransferRate(id, rate))
            persistWake.signal()
        }
    }
}
