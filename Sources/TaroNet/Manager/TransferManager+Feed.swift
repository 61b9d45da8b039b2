import Foundation

/// Reading the list: what changed since a version (the TUI, each tick), or
/// everything at once (tests, a one-off listing).
extension TransferManager {
    /// What changed since `version` (0 for everything), with totals over
    /// the whole list and the list itself (`rows`: the manager's own,
    /// shared copy-on-write, so a reader adopts it rather than copying
    /// rows); a quiet tick costs a look at the running transfers and
    /// nothing more.
    public func changes(since version: UInt64) -> TransferChanges {
        locked(.feed) { s in
            s.mergeRunning()
            let totals = currentTotals(&s)
            if version == s.version && version != 0 {
                return TransferChanges(version: s.version, isFull: false, changed: [], removed: [], totals: totals,
                                       rows: s.list)
            }
            guard version != 0, let logged = s.log.logged(after: version) else {
                return TransferChanges(version: s.version, isFull: true, changed: [], removed: [], totals: totals,
                                       rows: s.list)
            }
            // Only the log's ids under the lock, as they are: the answer
            // sorts them and reads the rows from the list it carries, by
            // whoever wants them, after the lock is let go.
            return TransferChanges(version: s.version, loggedIDs: logged.ids, removed: logged.removed,
                                   totals: totals, rows: s.list)
        }
    }

    /// Everything, in the order queued. `version` grows whenever anything changed.
    public func snapshot() -> (version: UInt64, items: [TransferSnapshot]) {
        state.withLock { s in
            s.mergeRunning()
            return (s.version, s.ordered())
        }
    }

    /// Totals over the whole list, as kept, with the rate over the window.
    public var totals: TransferTotals {
        state.withLock { s in
            s.mergeRunning()
            return currentTotals(&s)
        }
    }

    private func currentTotals(_ s: inout ManagerState) -> TransferTotals {
        var totals = s.totals
        (totals.bytesPerSecond, totals.finishedPerSecond) = s.rate.rates(now: DispatchTime.now().uptimeNanoseconds)
        return totals
    }
}
