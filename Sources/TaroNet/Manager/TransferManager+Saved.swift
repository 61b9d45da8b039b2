/// Saved records at launch: this kind of run's own continue, other runs'
/// are listed and left alone until the user takes them up, and what no call
/// claimed or could not be read is there to tell the user about.
extension TransferManager {
    /// Puts every saved unfinished transfer back in the list (the TUI at
    /// launch): this kind of run's own continue; the others (a `get`'s) are
    /// listed as `saved`, untouched, until the user continues or removes them.
    public func restoreSaved() {
        var submissions = SubmitBatch()
        state.withLock { s in
            let saved = s.unclaimed
            s.unclaimed.removeAll()
            for var record in saved {
                if (record.owner ?? .tui) == options.owner {
                    // Saved without its credentials: it waits, paused, and
                    // says so, rather than fail on the server's 401 unseen.
                    let withheld = record.withheld ?? []
                    if !withheld.isEmpty { record.state = .paused }
                    let id = append(&s, record, submissions: &submissions)
                    if !withheld.isEmpty, var shown = s.snapshot(id) {
                        shown.errorMessage = TransferRequest.withheldNote(withheld)
                        s.setSnapshot(id, shown)
                    }
                } else {
                    listSaved(&s, record)
                }
            }
        }
        submit(submissions)
    }

    /// A row for another run's record that starts nothing: no submission,
    /// its record left as it is; its destination reserved all the same.
    private func listSaved(_ s: inout ManagerState, _ saved: StoredTransfer) {
        let row = ManagedRow(request: saved.request, serverNaming: saved.serverNaming, key: saved.key,
                             earlierAttempts: max(0, saved.attempts - 1), resume: saved.resume, saved: SavedMark(saved))
        var snapshot = saved.request.queuedSnapshot(id: TransferCore.makeTag(), addedAt: saved.addedAt)
        snapshot.state = .saved
        snapshot.showResumed(saved.resume)
        snapshot.attempt = row.earlierAttempts + 1
        if case .download(_, let path, _) = row.request { s.reservedPaths.insert(path) }
        s.appendRow(row, snapshot)
    }

    /// Takes up a row listed as `saved`: it joins this run and continues
    /// from its .part; its record becomes this run's.
    func continueSaved(_ id: UInt64) -> Bool {
        let submission = state.withLock { s -> TransferSubmission? in
            guard var row = s.rows[id], var fresh = s.snapshot(id), fresh.state == .saved else { return nil }
            fresh.state = .queued
            row.saved = nil
            s.rows[id] = row
            s.setSnapshot(id, fresh)
            return TransferSubmission(tag: id, host: Self.hostKey(row.request.url), priority: 0, observer: self)
        }
        guard let submission else { return false }
        submit(SubmitBatch(all: [submission]))
        return true
    }

    /// The saved records no call has claimed so far, oldest first.
    public var unclaimed: [UnclaimedTransfer] {
        state.withLock { $0.unclaimed.map(UnclaimedTransfer.init) }
    }

    /// Record files that could not be read at launch and were moved to the
    /// state directory's `damaged/` (kept, never deleted).
    public var damagedRecords: [String] { store?.setAside ?? [] }
}
