import Foundation

extension TransferManager {
    #if TARO_TSAN
    /// `state.withLock`: the Thread Sanitizer build's lock (a pthread mutex,
    /// see Locked) takes no `sending` closures, and is not profiled.
    func locked<R>(_ site: LockSite, _ body: (inout ManagerState) -> R) -> R { state.withLock(body) }
    #else
    /// `state.withLock`, timed per taker when TARO_LOCK_PROFILE is set.
    func locked<R>(_ site: LockSite, _ body: (inout sending ManagerState) -> sending R) -> sending R {
        guard LockStats.path != nil else { return state.withLock(body) }
        let asked = DispatchTime.now().uptimeNanoseconds
        return state.withLock { s in
            let got = DispatchTime.now().uptimeNanoseconds
            let result = body(&s)
            let done = DispatchTime.now().uptimeNanoseconds
            // Counted from the last batch of an import on: the phase a
            // tick is measured in (W8) has no import running.
            if s.lockStats == nil || site == .add { s.lockStats = LockStats() }
            s.lockStats!.record(site, waitNanos: got - asked, holdNanos: done - got)
            return result
        }
    }
    #endif

    func writeLockProfile() {
        guard let path = LockStats.path, let stats = state.withLock({ $0.lockStats }) else { return }
        try? stats.text().write(toFile: path, atomically: true, encoding: .utf8)
    }
}
