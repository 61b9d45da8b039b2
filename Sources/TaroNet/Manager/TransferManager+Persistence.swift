import Foundation
import TaroSync

/// Keeping unfinished rows in the state directory. Driven by the change log:
/// the persister wakes when rows changed (and four times a second while
/// transfers run, to pick up their synced offsets), looks only at the rows
/// that changed, decides under the lock, and writes after releasing it, so
/// the TUI never waits on the disk.
extension TransferManager {
    /// What one pass writes: records to save, record keys to delete.
    struct PersistWork {
        /// Decided under the lock, made into records after it.
        var save: [RecordDraft] = []
        var delete: [String] = []
        /// Keys for new records, made before the lock is taken (a key
        /// costs a call for random bytes).
        var freshKeys: [String] = []
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
    /// Rows looked at, and records made, under one hold of the lock: a pass
    /// takes the lock again and again for a few hundred rows at a time, so
    /// the TUI, whose tick waits for this lock, never waits behind a pass
    /// over an imported list of 100,000 (one hold was up to 40 ms).
    static let examinedPerHold = 256
    static let savedPerHold = 64

    func startPersisting() {
        NamedThread.start("taro-persist") { [self] in
            BackgroundPriority.applyToCurrentThread()
            var keys: [String] = []
            while true {
                let (work, more, closed, busy) = gatherPass(keys: &keys)
                // Written even when closing: the pass took its deletes and
                // marks out of the state, and nothing else would write them.
                write(work)
                if closed { break }
                if more { continue }
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
    }

    /// One pass, in short holds of the lock: until nothing is left to look
    /// at now, or a write's worth of records is gathered (`more` then).
    /// `keys` carries the record keys a pass made and did not use to the
    /// next: a key costs a call for random bytes, and most passes save
    /// nothing (rows too young for a record).
    func gatherPass(keys: inout [String]) -> (work: PersistWork, more: Bool, closed: Bool, busy: Bool) {
        var work = PersistWork()
        work.freshKeys = keys
        defer { keys = work.freshKeys }
        var startsPass = true
        var closed = false, busy = false, more = false
        repeat {
            while work.freshKeys.count < Self.savedPerHold { work.freshKeys.append(TransferStore.makeKey()) }
            let first = startsPass
            (more, closed, busy) = locked(.persistPass) { s in
                (persistStep(&s, startsPass: first, into: &work), s.closed,
                 !s.running.isEmpty || !s.youngRows.isEmpty)
            }
            startsPass = false
        } while more && work.save.count < Self.recordsPerPass
        return (work, more, closed, busy)
    }

    /// One step of a pass, under the lock, bounded (`examinedPerHold`,
    /// `savedPerHold`): adds to `work` what the rows it looks at call for.
    /// Each step takes the rows changed since the last one from the log,
    /// then looks at those waiting to be looked at, and at the young rows
    /// that have come of age, oldest first. True when rows are left to
    /// look at now.
    func persistStep(_ s: inout ManagerState, startsPass: Bool, into work: inout PersistWork) -> Bool {
        guard store != nil else { return false }
        if startsPass { s.mergeRunning() }
        // What changed since the last step, at every step: the log is
        // bounded, and a cursor left behind while a long pass ran would
        // find it gone, making the next pass look at every row, which
        // takes long enough for the log to run past it again. Sorted
        // rather than deduplicated through a set (cheaper for numbers);
        // a row already waiting to be looked at is not listed twice.
        for id in s.log.sortedIDs(after: s.persistCursor) ?? s.rows.ids where s.rows[id]?.awaitsLook == false {
            s.rows[id]?.awaitsLook = true
            s.persistBacklog.append(id)
        }
        s.persistCursor = s.version
        work.delete += s.pendingDeletes
        s.pendingDeletes.removeAll()
        let now = Date()
        let savedBefore = work.save.count
        for _ in 0..<Self.examinedPerHold {
            guard work.save.count - savedBefore < Self.savedPerHold else { return true }
            if let id = s.persistBacklog.popFirst() {
                s.rows[id]?.awaitsLook = false
                consider(&s, id, wanted: nil, now: now, into: &work)
            } else if let id = s.youngRows.first {
                // Oldest first: once the first is too young, so is the rest
                // (near enough: a later one is at most a pass late).
                if let queuedAt = s.snapshot(id)?.queuedAt, now.timeIntervalSince(queuedAt) < Self.recordAge {
                    return false
                }
                _ = s.youngRows.popFirst()
                s.rows[id]?.awaitsAge = false
                consider(&s, id, wanted: nil, now: now, into: &work)
            } else {
                return false
            }
        }
        return true
    }

    /// Under the lock, at shutdown: exactly the rows that were unfinished,
    /// as they were (`force`), in one go (the screen is gone).
    func decidePersistence(_ s: inout ManagerState, force: [UInt64: StoredTransfer.State]) -> PersistWork {
        guard store != nil else { return PersistWork() }
        s.mergeRunning()
        var work = PersistWork()
        work.delete = s.pendingDeletes
        s.pendingDeletes.removeAll()
        let now = Date()
        for (id, wanted) in force { consider(&s, id, wanted: wanted, now: now, into: &work) }
        return work
    }

    /// What row `id` calls for: its record saved (when it changed), deleted
    /// (when the row finished), or nothing yet (too young: listed in
    /// `youngRows` to be looked at again once old enough). `wanted` forces
    /// the record's state.
    private func consider(_ s: inout ManagerState, _ id: UInt64, wanted forced: StoredTransfer.State?,
                          now: Date, into work: inout PersistWork) {
        guard var row = s.rows[id], let snap = s.snapshot(id) else { return }
        let wanted: StoredTransfer.State?
        if let forced {
            wanted = forced
        } else if snap.state == .saved {
            // Another run's record, not taken up: left exactly as it is.
            return
        } else if snap.state.isFinal {
            wanted = nil
        } else if row.saved == nil, now.timeIntervalSince(snap.queuedAt) < Self.recordAge,
                  snap.bytesDone < Self.recordBytes {
            if !row.awaitsAge {
                s.rows[id]?.awaitsAge = true
                s.youngRows.append(id)
            }
            return
        } else {
            wanted = snap.state == .paused ? .paused : .queued
        }
        guard let wanted else {
            if row.saved != nil, let key = row.key {
                work.delete.append(key)
                row.saved = nil
                s.rows[id] = row
            }
            return
        }
        let mark = SavedMark(state: wanted, rank: row.rank, attempts: snap.attempt,
                             rateLimit: snap.rateLimit > 0 ? snap.rateLimit : nil, resume: snap.resume)
        guard mark != row.saved else { return }
        let key = row.key ?? work.freshKeys.popLast() ?? TransferStore.makeKey()
        row.key = key
        row.saved = mark
        s.rows[id] = row
        work.save.append(RecordDraft(key: key, request: row.request, serverNaming: row.serverNaming, state: wanted,
                                     resume: snap.resume, attempts: snap.attempt, addedAt: snap.queuedAt,
                                     checksum: row.checksum, rank: row.rank,
                                     rateLimit: snap.rateLimit > 0 ? snap.rateLimit : nil))
    }

    func write(_ work: PersistWork) {
        guard let store, !work.isEmpty else { return }
        store.commit(save: work.save.map { $0.record(owner: options.owner) }, delete: work.delete)
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
            var more = true
            var keys: [String] = []
            while more {
                let pass = gatherPass(keys: &keys)
                write(pass.work)
                more = pass.more
            }
        }
        session.close()
        // After the engine stopped, every .part is synced and its offset recorded.
        // Rows that settled as "engine stopped" meanwhile keep the record
        // they had when the user quit.
        write(state.withLock { s in decidePersistence(&s, force: unfinished) })
        writeLockProfile()
    }
}
