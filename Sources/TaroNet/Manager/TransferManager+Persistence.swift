import Foundation

extension TransferManager {
    /// Saves what changed four times a second, off the caller's thread: a kill -9
    /// loses at most the last moments, and the .part's synced offset is
    /// always at or behind what it holds.
    func startPersisting() {
        let thread = Thread { [weak self] in
            while let self, !self.isClosed {
                self.persistChanges()
                Thread.sleep(forTimeInterval: 0.25)
            }
        }
        thread.name = "taro-persist"
        thread.start()
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// One pass: save each unfinished entry whose record changed, delete finished ones.
    func persistChanges(forceState: [UInt64: StoredTransfer.State] = [:]) {
        guard let store else { return }
        state.withLock { s in
            for i in s.entries.indices {
                let entry = s.entries[i]
                guard let snap = entry.handle.snapshot else { continue }
                let wanted: StoredTransfer.State?
                if let forced = forceState[entry.id] {
                    wanted = forced
                } else if snap.state.isFinal {
                    wanted = nil
                } else if entry.lastSaved == nil, snap.resume == nil, Date().timeIntervalSince(entry.addedAt) < 1 {
                    // Not worth an fsync yet: a list of tiny files would pay
                    // one per URL, and a command re-run queues them again.
                    continue
                } else {
                    wanted = snap.state == .paused ? .paused : .queued
                }
                guard let wanted else {
                    if entry.lastSaved != nil {
                        store.delete(key: entry.key)
                        s.entries[i].lastSaved = nil
                    }
                    continue
                }
                let record = StoredTransfer(key: entry.key, request: entry.request, serverNaming: entry.serverNaming,
                                            state: wanted, resume: snap.resume,
                                            attempts: snap.attempt + entry.earlierAttempts, addedAt: entry.addedAt)
                if record != entry.lastSaved {
                    store.save(record)
                    s.entries[i].lastSaved = record
                }
            }
        }
    }

    /// Stops every transfer. Unfinished ones are paused to disk: their .part
    /// synced and kept, their record saved, so the next launch continues them.
    public func shutdown() {
        var unfinished: [UInt64: StoredTransfer.State] = [:]
        state.withLock { s in
            s.closed = true
            for entry in s.entries {
                guard let snap = entry.handle.snapshot, !snap.state.isFinal else { continue }
                unfinished[entry.id] = snap.state == .paused ? .paused : .queued
            }
        }
        session.close()
        persistChanges(forceState: unfinished)
        store?.flush()
    }
}
