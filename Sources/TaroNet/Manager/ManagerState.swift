import Foundation

/// Everything a TransferManager knows, behind its one lock. Readers (the
/// TUI, the persister, a headless command) never walk it whole on a quiet
/// tick: changes are found through `log`, totals are kept as rows change.
struct ManagerState {
    /// What the manager keeps of each row besides what it shows.
    var rows = RowTable()
    /// What each row shows, in queue order: the one copy of every row's
    /// snapshot, written only here and handed to readers as it is (see
    /// TransferRows: shared, not copied).
    var list = TransferRows()
    /// Rows with an attempt running: the only ones whose cores are polled.
    var running: Set<UInt64> = []
    var log = ChangeLog()
    /// Starts at 1: version 0 is what a reader that has nothing asks with.
    var version: UInt64 = 1
    var totals = TransferTotals()
    var rate = RateWindow()
    /// Finished rows that still keep their headers, oldest first.
    var detailed = DetailWindow()
    /// Destinations handed out and not yet finished, so two rows never share a .part.
    var reservedPaths = PathReservations()
    /// Saved records not yet taken up by this run.
    var unclaimed: [StoredTransfer] = []
    /// The version up to which the persister has taken changed rows from
    /// the log into `persistBacklog`, the rows it has still to look at.
    var persistCursor: UInt64 = 0
    var persistBacklog = IDQueue()
    /// Rows too young to be worth a record yet, oldest first: a pass takes
    /// from the front only those now old enough (see +Persistence).
    var youngRows = IDQueue()
    /// Records of removed rows, deleted by the persister (never on the caller's thread).
    var pendingDeletes: [String] = []
    var closed = false
    /// The largest rank handed out: a new row goes after it.
    var nextRank: Double = 0
    /// Who held the lock how long (TARO_LOCK_PROFILE only).
    var lockStats: LockStats?

    init(unclaimed: [StoredTransfer]) {
        // Saved rows come back in the order they were left in; records
        // from before ranks existed follow, in the order they were added.
        self.unclaimed = unclaimed.sorted { a, b in
            (a.rank ?? .infinity, a.addedAt) < (b.rank ?? .infinity, b.addedAt)
        }
    }

    /// Marks a row changed: a new version, logged for every reader.
    mutating func touch(_ id: UInt64) {
        version &+= 1
        // Bounded whatever the length of the list: a reader that falls
        // further behind gets the whole list, which costs it no copy (it
        // adopts `list`), where a log sized to the list cost 32 bytes a row.
        log.append(id, at: version, capacity: ChangeLog.capacity)
    }

    /// What row `id` shows now.
    func snapshot(_ id: UInt64) -> TransferSnapshot? { list.row(id: id) }

    /// Lists a new row after every other (its id new), counted in the totals.
    mutating func appendRow(_ row: ManagedRow, _ snapshot: TransferSnapshot) {
        rows[snapshot.id] = row
        list.append(snapshot)
        totals.count(snapshot, sign: 1)
        touch(snapshot.id)
    }

    /// Replaces a row's snapshot, keeping the totals and the rate right.
    mutating func setSnapshot(_ id: UInt64, _ new: TransferSnapshot) {
        guard let old = list.row(id: id) else { return }
        replaceSnapshot(id, old: old, new: new)
    }

    /// `setSnapshot` for a caller that has just read the row's snapshot
    /// (`old`), which is then not read a second time.
    mutating func replaceSnapshot(_ id: UInt64, old: TransferSnapshot, new: TransferSnapshot) {
        totals.count(old, sign: -1)
        totals.count(new, sign: 1)
        if new.bytesDone > old.bytesDone { rate.add(bytes: new.bytesDone - old.bytesDone) }
        if new.state == .done && old.state != .done { rate.addFinished() }
        list.update(id: id) { $0 = new }
        touch(id)
        if new.state.isFinal && !old.state.isFinal {
            detailed.append(id, finishedAt: new.finishedAt)
            dropOldDetails()
        }
    }

    /// Old finished rows beyond the window give up their header lines; each
    /// is logged as changed so that readers let go of the old ones too.
    private mutating func dropOldDetails() {
        while let (id, finishedAt) = detailed.popOverflow() {
            guard let snapshot = list.row(id: id), snapshot.state.isFinal, snapshot.finishedAt == finishedAt,
                  !snapshot.detailsDropped, !snapshot.exchange.headersDropped else { continue }
            if snapshot.state == .done {
                // Nothing left to continue or retry: the row's words are enough.
                list.update(id: id) { $0 = $0.droppingDetails() }
            } else {
                // A failed row keeps where its .part stands (retry resumes
                // from it) and why its attempts failed.
                let summary = snapshot.exchange.withoutHeaders
                guard summary.headersDropped else { continue }
                list.update(id: id) { $0.exchange = summary }
            }
            touch(id)
        }
    }

    /// Takes in what the running attempts' cores recorded since last time.
    /// The lifecycle state stays the row's own: only the scheduler writes it.
    mutating func mergeRunning() {
        for id in running {
            // The row's fields read where it is stored, and what it shows
            // only when its core has news: this runs every tick, under the
            // lock the engine waits for.
            guard let (core, since) = rows.withValue(id, { ($0.core, $0.coreVersion) }), let core,
                  let (coreVersion, live) = core.snapshot(ifNewerThan: since), let shown = list.row(id: id),
                  let earlier = rows.withValue(id, { row in
                      row.coreVersion = coreVersion
                      return row.earlierAttempts
                  }) else { continue }
            replaceSnapshot(id, old: shown, new: merged(live, earlierAttempts: earlier, shown: shown))
        }
    }

    /// What the running attempt recorded (`live`) as its row shows it
    /// (`shown` is what it showed so far; `earlierAttempts`, the row's).
    func merged(_ live: TransferSnapshot, earlierAttempts: Int, shown: TransferSnapshot) -> TransferSnapshot {
        var snapshot = live
        snapshot.id = shown.id
        snapshot.state = shown.state
        snapshot.queuedAt = shown.queuedAt
        snapshot.attempt = live.attempt + earlierAttempts
        // Set on the row, not by the engine.
        snapshot.rateLimit = shown.rateLimit
        snapshot.hostWait = shown.hostWait
        // The same words as before in the buffers the row already holds:
        // the attempt's copies (made on the engine thread) would otherwise
        // stay with the row for as long as it is listed.
        if snapshot.url == shown.url { snapshot.url = shown.url }
        if snapshot.name == shown.name { snapshot.name = shown.name }
        if snapshot.localPath == shown.localPath { snapshot.localPath = shown.localPath }
        return snapshot
    }

    /// Rows in queue order.
    func ordered() -> [TransferSnapshot] { Array(list) }

    mutating func removeRow(_ id: UInt64) {
        guard rows.removeValue(forKey: id) != nil, let shown = list.row(id: id) else { return }
        totals.count(shown, sign: -1)
        list.remove(id: id)
        touch(id)
        log.appendRemoval(id, at: version)
    }
}
