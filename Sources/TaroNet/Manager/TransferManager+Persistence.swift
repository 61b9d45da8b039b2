import Foundation

/// Keeping unfinished rows in the state directory. Driven by the change log:
/// the persister wakes when rows changed (and four times a second while
/// transfers run, to pick up their synced offsets), looks only at the rows
/// that changed, decides under the lock, and writes after releasing it, so
/// the TUI never waits on the disk.
extension TransferManager {
    /// What one pass writes: records to save, record keys to delete.
    struct PersistWork {
        var save: [StoredTransfer] = []
        var delete: [String] = []
        var isEmpty: Bool { save.isEmpty && delete.isEmpty }
    }

    /// A row younger than this is not worth a record yet: a list of tiny
    /// files would pay one fsync per URL, and a command re-run queues them again.
    static let recordAge: TimeInterval = 1
    /// ...unless it already holds this much: then its resume point is worth keeping.
    static let recordBytes: Int64 = 1 << 20
    /// While transfers run, passes are at most this far apart: a kill -9
    /// loses at most about this much of the record.
    static let passInterval: TimeInterval = 0.25
    /// ...and at least this far: a burst of changes costs one pass.
    static let gather: TimeInterval = 0.05
    /// Records written per pass, so one pass never holds a huge batch.
    static let recordsPerPass = 2048

    func startPersisting() {
        let thread = Thread { [self] in
            while true {
                let (work, closed, busy) = state.withLock { s in
                    (decidePersistence(&s, force: [:]), s.closed, !s.running.isEmpty || !s.deferred.isEmpty)
                }
                // Written even when closing: the pass took its deletes and
                // marks out of the state, and nothing else would write them.
                write(work)
                if closed { break }
                if work.save.count >= Self.recordsPerPass { continue }
                // While transfers run, a pass every quarter second picks up
                // their synced offsets; a change wakes it sooner, and the
                // short pause lets a burst of changes gather into one pass.
                // Idle means asleep: only a change (or close) wakes it.
                if busy {
                    persistWake.wait(timeout: .now() + .milliseconds(Int(Self.passInterval * 1000)))
                    _ = persistClosing.wait(timeout: .now() + .milliseconds(Int(Self.gather * 1000)))
                } else {
                    persistWake.wait()
                }
            }
            persisterDone.signal()
        }
        thread.name = "taro-persist"
        thread.start()
    }

    /// Under the lock: the records that the rows changed since the last pass
    /// (and the deferred ones now old enough) call for.
    func decidePersistence(_ s: inout ManagerState, force: [UInt64: StoredTransfer.State]) -> PersistWork {
        guard store != nil else { return PersistWork() }
        s.mergeRunning()
        var work = PersistWork()
        work.delete = s.pendingDeletes
        s.pendingDeletes.removeAll()
        // Closing: exactly the rows that were unfinished, as they were.
        let limit = force.isEmpty ? Self.recordsPerPass : Int.max
        var candidates = Array(force.keys)
        if force.isEmpty {
            candidates = s.log.ids(after: s.persistCursor) ?? s.rows.ids
            candidates += s.deferred
            s.deferred.removeAll()
            s.persistCursor = s.version
        }
        let now = Date()
        var seen = Set<UInt64>()
        for (index, id) in candidates.enumerated() where seen.insert(id).inserted {
            if work.save.count >= limit {
                // The rest waits for the next pass, which comes at once.
                s.deferred.append(contentsOf: candidates[index...].filter { !seen.contains($0) })
                s.deferred.append(id)
                break
            }
            guard var row = s.rows[id], let snap = s.snapshot(id) else { continue }
            let wanted: StoredTransfer.State?
            if let forced = force[id] {
                wanted = forced
            } else if snap.state == .saved {
                // Another run's record, not taken up: left exactly as it is.
                continue
            } else if snap.state.isFinal {
                wanted = nil
            } else if row.saved == nil, now.timeIntervalSince(snap.queuedAt) < Self.recordAge,
                      snap.bytesDone < Self.recordBytes {
                s.deferred.append(id)
                continue
            } else {
                wanted = snap.state == .paused ? .paused : .queued
            }
            guard let wanted else {
                if row.saved != nil, let key = row.key {
                    work.delete.append(key)
                    row.saved = nil
                    s.rows[id] = row
                }
                continue
            }
            let key = row.key ?? TransferStore.makeKey()
            let (request, withheld) = row.request.withoutSecrets
            var record = StoredTransfer(key: key, request: request, serverNaming: row.serverNaming,
                                        state: wanted, resume: snap.resume, attempts: snap.attempt,
                                        addedAt: snap.queuedAt, owner: options.owner, checksum: row.checksum,
                                        rank: row.rank)
            record.rateLimit = snap.rateLimit > 0 ? snap.rateLimit : nil
            record.withheld = withheld.isEmpty ? nil : withheld
            if SavedMark(record) != row.saved {
                row.key = key
                row.saved = SavedMark(record)
                s.rows[id] = row
                work.save.append(record)
            }
        }
        return work
    }

    func write(_ work: PersistWork) {
        guard let store, !work.isEmpty else { return }
        store.commit(save: work.save, delete: work.delete)
    }

    /// Stops every transfer. Unfinished ones are paused to disk: their .part
    /// synced and kept, their record saved, so the next launch continues them.
    /// A second call returns at once.
    public func shutdown() {
        let unfinished = state.withLock { s -> [UInt64: StoredTransfer.State]? in
            guard !s.closed else { return nil }
            s.closed = true
            var unfinished: [UInt64: StoredTransfer.State] = [:]
            for row in s.list where row.state.isPending {
                unfinished[row.id] = row.state == .paused ? .paused : .queued
            }
            return unfinished
        }
        guard let unfinished else { return }
        if store != nil {
            persistClosing.signal()
            persistWake.signal()
            persisterDone.wait()
            // What changed since the persister's last pass: finished rows lose
            // their records, changed ones are saved.
            var work: PersistWork
            repeat {
                work = state.withLock { s in decidePersistence(&s, force: [:]) }
                write(work)
            } while work.save.count >= Self.recordsPerPass
        }
        session.close()
        // After the engine stopped, every .part is synced and its offset recorded.
        // Rows that settled as "engine stopped" meanwhile keep the record
        // they had when the user quit.
        write(state.withLock { s in decidePersistence(&s, force: unfinished) })
    }
}
