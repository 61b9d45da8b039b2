import Foundation

/// The manager hears its transfers' lives from the scheduler, on the engine
/// thread: each call takes the lock briefly, changes one row, and logs it.
extension TransferManager: TransferObserver {
    func prepareAttempt(_ tag: UInt64, resume: ResumePoint?) -> TransferAttempt? {
        locked(.prepareAttempt) { s -> TransferAttempt? in
            guard let queuedAt = s.snapshot(tag)?.queuedAt else { return nil }
            // The row is read and given its core where it is stored: once per
            // attempt on the engine thread, under the lock the screen waits
            // for (a copy retains its request's dozen references and writes
            // them all back).
            let attempt = s.rows.withValue(tag) { row -> TransferAttempt in
                let point = resume ?? row.resume
                let core: TransferCore
                if let running = row.core {
                    // An automatic retry continues the same attempt record.
                    core = running
                } else {
                    var base = queuedSnapshot(row.request, id: tag, addedAt: queuedAt)
                    base.showResumed(point)
                    base.attempt = 1
                    core = TransferCore(id: tag, snapshot: base, handler: nil)
                    row.coreVersion = 0
                }
                row.core = core
                var spec = row.request.spec(options: options, serverNaming: row.serverNaming, resume: point,
                                            durable: store != nil)
                spec.checksum = row.checksum
                return TransferAttempt(core: core, spec: spec)
            }
            if attempt != nil { s.running.insert(tag) }
            return attempt
        }
    }

    func transfer(_ tag: UInt64, shows shown: TransferSnapshot.State) {
        locked(.shows) { s in
            guard let old = s.snapshot(tag), let core = s.rows.withValue(tag, { $0.core }) else { return }
            core?.show(shown)
            var snapshot = old
            snapshot.state = shown
            if shown == .connecting && snapshot.startedAt == nil { snapshot.startedAt = Date() }
            // Running or paused, it no longer waits for its host.
            if shown != .queued { snapshot.hostWait = nil }
            s.replaceSnapshot(tag, old: old, new: snapshot)
        }
        persistWake.signal()
    }

    func transfer(_ tag: UInt64, hostWait: HostWait?) {
        locked(.hostWait) { s in
            guard var snapshot = s.snapshot(tag), snapshot.hostWait != hostWait else { return }
            snapshot.hostWait = hostWait
            s.setSnapshot(tag, snapshot)
        }
    }

    func transfer(_ tag: UInt64, willRetry failure: TransferFailure, after seconds: Double) {
        locked(.willRetry) { s in s.rows[tag]?.core?.noteRetry(failure, after: seconds) }
    }

    func transfer(_ tag: UInt64, settled outcome: TransferOutcome) {
        locked(.settled) { s in
            // The row's two fields read, and its core let go, where the row
            // is stored: once per transfer on the engine thread, under the
            // lock the screen waits for (a copy retains its request's dozen
            // references and writes them all back).
            guard let shown = s.snapshot(tag), let (core, earlier) = s.rows.withValue(tag, { row in
                defer { row.core = nil }
                return (row.core, row.earlierAttempts)
            }) else { return }
            var snapshot = shown
            if let core {
                core.settle(outcome)
                snapshot = s.merged(core.snapshot(), earlierAttempts: earlier, shown: shown)
            }
            snapshot.settle(outcome)
            s.running.remove(tag)
            s.replaceSnapshot(tag, old: shown, new: snapshot)
        }
        let settled = settledCount.add(1, ordering: .acquiringAndReleasing).newValue
        if settled >= wakeAtCount.load(ordering: .acquiring) { settlements.signal() }
        persistWake.signal()
    }
}
