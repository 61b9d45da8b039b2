import Foundation

/// Polite hosts: a host that answered 429/503 with Retry-After, or refused
/// connections again and again, is left alone until its cooldown ends; the
/// queue starts nothing for it meanwhile, and its waiting transfers say why.
extension TransferScheduler {
    /// An attempt to `host` ended: a cooldown may start, or its connection
    /// failures are forgotten.
    func noteHostOutcome(_ host: String, _ outcome: TransferOutcome) {
        switch outcome {
        case .success:
            cooldowns.answered(host)
        case .failure(let failure):
            guard let cooldown = cooldowns.failed(host, failure) else { return }
            tellWaiting(on: host, cooldown)
        }
    }

    /// Ends the cooldowns that are over; true when any did.
    func expireCooldowns(now: UInt64) -> Bool {
        let hosts = cooldowns.expire(now: now)
        for host in hosts { tellWaiting(on: host, nil) }
        return !hosts.isEmpty
    }

    /// Every transfer to `host` without a connection hears why it waits (or
    /// that it no longer does). Cooldowns are rare: a scan of the entries is fine.
    private func tellWaiting(on host: String, _ cooldown: HostCooldowns.Cooldown?) {
        entries.forEach { id, entry in
            guard entry.host == host && !entry.machine.holdsSlot && !entry.machine.isFinalizing else { return }
            entry.observer.transfer(id, hostWait: cooldown?.hostWait)
        }
    }
}
