import TaroSync
import Foundation
import Synchronization

/// A list of transfers over one session, as a person manages them: queue a
/// download into a directory or an upload, abort, pause, retry, remove, and
/// read what changed. The TUI and the headless commands are both built on it.
///
/// It talks to the scheduler directly, not through the public task API: it
/// submits each row as a record (a waiting row has no task, core or curl
/// handle) and is itself the observer of its transfers (+Observer). With a
/// state directory, unfinished rows survive the process (+Persistence).
public final class TransferManager: Sendable {
    public let session: TaroSession
    let options: ManagerOptions
    let store: TransferStore?
    let state: Locked<ManagerState>
    /// The concurrency limit and the global rate limits as last set: each
    /// under its own guard, not the rows' lock, because the TUI reads both
    /// every tick and must not wait behind a writer of rows to do so.
    let limitNow: Atomic<Int>
    let rateLimitsNow: Locked<RateLimits>
    /// Signalled when as many transfers settled as the waiter asked for, so
    /// waiters need not poll, nor wake once per tiny file.
    let settlements = WakeSignal()
    let settledCount = Atomic<Int>(0)
    let wakeAtCount = Atomic<Int>(1)
    /// Wakes the persister when rows changed.
    let persistWake = WakeSignal()
    let persisterDone = DispatchSemaphore(value: 0)
    /// The last download directory made canonical, and how it was spelled:
    /// a list of 100,000 URLs into one directory resolves it once, not per URL.
    let lastDirectory = Locked<(given: String, canonical: String)?>(nil)
    /// Signalled once, by shutdown: cuts the persister's gathering pause
    /// short, so quitting never waits for it.
    let persistClosing = DispatchSemaphore(value: 0)

    /// Opens the state directory (if any) and takes its lock: a second
    /// process on the same directory gets a clear error.
    public init(options: ManagerOptions, session: TaroSession? = nil) throws {
        self.options = options
        let perHost = options.perHostLimit ?? options.limit
        self.session = session ?? TaroSession(limits: SchedulerLimits(global: options.limit, perHost: perHost),
                                              maxHostConnections: options.maxHostConnections)
        self.session.setLimits(global: options.limit, perHost: perHost)
        if options.rateLimits != .none { self.session.setRateLimits(options.rateLimits) }
        store = try options.stateDirectory.map(TransferStore.init(directory:))
        // Records are compared with this run's destinations in one spelling.
        var directories: [String: String] = [:]
        let saved = store?.load().map { $0.canonicalized(directories: &directories) } ?? []
        state = Locked(ManagerState(unclaimed: saved))
        limitNow = Atomic(options.limit)
        rateLimitsNow = Locked(options.rateLimits)
        if store != nil { startPersisting() }
    }

    public convenience init(limit: Int = 4, segments: Int = 1) {
        // Without a state directory nothing can fail.
        try! self.init(options: ManagerOptions(limit: limit, segments: segments))
    }

    // MARK: queueing

    /// Queues a download into `directory`, named after the URL (or after
    /// what the server says, once it says it), never over an existing file.
    /// A saved unfinished download of the same URL into the same directory
    /// is continued instead.
    @discardableResult
    public func addDownload(url: String, directory: String, fileName: String? = nil,
                            headers: [String: String] = [:], checksum: Checksum? = nil) -> UInt64 {
        let directory = canonicalDirectory(directory)
        var choice = DownloadPathChoice(directory: directory,
                                        name: SafeFileName.make(fileName ?? RequestURL.lastPathComponent(url)))
        var submissions = SubmitBatch()
        while true {
            choice.probe()
            let id = state.withLock { s in
                queueDownload(&s, url: url, choice: &choice, serverNaming: fileName == nil, headers: headers,
                              checksum: checksum, submissions: &submissions)
            }
            if let id {
                submit(submissions)
                return id
            }
        }
    }

    /// Queues many downloads into `directory` at once (an imported list, a
    /// paste): one message to the scheduler for all of them, and one lock
    /// unless a probed name turns out reserved (then the rest wait for that
    /// one to be probed again, so the queue keeps the list's order).
    /// `headers` go with every one; `checksums`, when given, one per URL.
    @discardableResult
    public func addDownloads(urls: [String], directory: String, headers: [String: String] = [:],
                             checksums: [Checksum?] = []) -> [UInt64] {
        precondition(checksums.isEmpty || checksums.count == urls.count, "one checksum (or nil) per URL")
        let directory = canonicalDirectory(directory)
        var choices = urls.map {
            DownloadPathChoice(directory: directory, name: SafeFileName.make(RequestURL.lastPathComponent($0)))
        }
        // Two URLs of one batch with the same name get distinct paths before the lock.
        var taken = Set<String>()
        var ids: [UInt64] = []
        ids.reserveCapacity(urls.count)
        var submissions = SubmitBatch()
        while ids.count < urls.count {
            for i in ids.count..<urls.count where choices[i].path == nil {
                choices[i].probe(skipping: taken)
                if let path = choices[i].path { taken.insert(path) }
            }
            locked(.add) { s in
                while ids.count < urls.count,
                      let id = queueDownload(&s, url: urls[ids.count], choice: &choices[ids.count], serverNaming: true,
                                             headers: headers, checksum: checksums.isEmpty ? nil : checksums[ids.count],
                                             submissions: &submissions) {
                    ids.append(id)
                }
            }
            // The one that met a reservation moved on: the later ones with
            // its name are probed again after it.
            guard ids.count < urls.count else { break }
            let moved = choices[ids.count]
            for i in ids.count + 1..<urls.count where choices[i].name == moved.name {
                if let path = choices[i].path { taken.remove(path) }
                choices[i].probeAgain(from: moved.n)
            }
        }
        submit(submissions)
        return ids
    }

    /// Queues a download to exactly `path`; it fails rather than replace an
    /// existing file. A saved unfinished download to that path is continued.
    @discardableResult
    public func addDownload(url: String, path: String, headers: [String: String] = [:],
                            checksum: Checksum? = nil) -> UInt64 {
        let request = TransferRequest.download(url: url, path: path, headers: headers).canonicalized
        var submissions = SubmitBatch()
        let id = state.withLock { s in
            // Claimed by URL and path: the command get prints to continue a
            // record names no headers. Headers given now replace the saved
            // ones, and so does the request as given when the record left
            // its credentials out (a record's URL has no user:password).
            let plainURL = URLRedaction.withoutUserinfo(url)
            if var saved = claim(&s, where: { $0.kind == .download && $0.url == plainURL
                                                && $0.localPath == request.localPath }) {
                if !headers.isEmpty || saved.withheld != nil { saved.request = request }
                return append(&s, saved, submissions: &submissions)
            }
            return append(&s, request, serverNaming: false, checksum: checksum, submissions: &submissions)
        }
        submit(submissions)
        return id
    }

    /// Queues an upload of `filePath`: multipart under `fieldName`, or a raw PUT.
    @discardableResult
    public func addUpload(filePath: String, url: String, fieldName: String = "file", put: Bool = false,
                          headers: [String: String] = [:]) -> UInt64 {
        var submissions = SubmitBatch()
        let request = TransferRequest.upload(filePath: filePath, url: url, fieldName: fieldName, put: put,
                                             headers: headers).canonicalized
        let id = state.withLock { s in
            append(&s, request, serverNaming: false, submissions: &submissions)
        }
        submit(submissions)
        return id
    }

    /// `choice.directory` is canonical here, as are the saved records'
    /// paths: one destination has one spelling, so a rerun finds its own
    /// record. nil when the probed path is reserved: `choice` has moved on
    /// and is probed again outside the lock.
    private func queueDownload(_ s: inout ManagerState, url: String, choice: inout DownloadPathChoice,
                               serverNaming: Bool, headers: [String: String], checksum: Checksum?,
                               submissions: inout SubmitBatch) -> UInt64? {
        let plainURL = URLRedaction.withoutUserinfo(url)
        let directory = choice.directory
        if !s.unclaimed.isEmpty, let saved = claim(&s, where: { request in
            guard case .download(let u, let p, _) = request else { return false }
            return u == plainURL && (p as NSString).deletingLastPathComponent == directory
        }) {
            var saved = saved
            if !headers.isEmpty || saved.withheld != nil {
                saved.request = .download(url: url, path: saved.request.localPath, headers: headers)
            }
            return append(&s, saved, submissions: &submissions)
        }
        guard !choice.reservationConflict(s.reservedPaths), let path = choice.path else { return nil }
        return append(&s, .download(url: url, path: path, headers: headers), serverNaming: serverNaming,
                      checksum: checksum, submissions: &submissions)
    }

    private func claim(_ s: inout ManagerState, where matches: (TransferRequest) -> Bool) -> StoredTransfer? {
        guard let i = s.unclaimed.firstIndex(where: { matches($0.request) }) else { return nil }
        return s.unclaimed.remove(at: i)
    }

    /// A request's row before it runs, marked when this manager skips
    /// certificate checks.
    func queuedSnapshot(_ request: TransferRequest, id: UInt64, addedAt: Date) -> TransferSnapshot {
        request.queuedSnapshot(id: id, addedAt: addedAt, insecure: options.wire.insecure)
    }

    func append(_ s: inout ManagerState, _ request: TransferRequest, serverNaming: Bool,
                checksum: Checksum? = nil, submissions: inout SubmitBatch) -> UInt64 {
        let row = ManagedRow(request: request, serverNaming: serverNaming, checksum: checksum, earlierAttempts: 0)
        return insert(&s, row, queuedSnapshot(request, id: 0, addedAt: Date()), paused: false,
                      submissions: &submissions)
    }

    func append(_ s: inout ManagerState, _ saved: StoredTransfer,
                        submissions: inout SubmitBatch) -> UInt64 {
        let row = ManagedRow(request: saved.request, serverNaming: saved.serverNaming, checksum: saved.checksum,
                             rank: saved.rank, key: saved.key,
                             earlierAttempts: max(0, saved.attempts - 1), resume: saved.resume, saved: SavedMark(saved))
        var snapshot = queuedSnapshot(saved.request, id: 0, addedAt: saved.addedAt)
        snapshot.showResumed(saved.resume)
        snapshot.rateLimit = saved.rateLimit ?? 0
        return insert(&s, row, snapshot, paused: saved.state == .paused, submissions: &submissions)
    }

    /// Adds a row and, unless its request cannot be made at all, submits it.
    private func insert(_ s: inout ManagerState, _ row: ManagedRow, _ snapshot: TransferSnapshot, paused: Bool,
                        submissions: inout SubmitBatch) -> UInt64 {
        var row = row
        var snapshot = snapshot
        let id = TransferCore.makeTag()
        snapshot.id = id
        snapshot.attempt = row.earlierAttempts + 1
        if let rank = row.rank {
            s.nextRank = max(s.nextRank, rank.rounded(.up))
        } else {
            s.nextRank += 1
            row.rank = s.nextRank
        }
        if case .download(_, let path, _) = row.request { s.reservedPaths.insert(path) }
        // Held from its submission on: shown so from the first frame.
        if paused { snapshot.state = .paused }
        let refusal = row.request.refusal
        if let refusal {
            // A row that never starts still shows why.
            snapshot.state = .failed
            snapshot.errorMessage = refusal.reason
        }
        s.appendRow(row, snapshot)
        guard refusal == nil else { return id }
        submissions.all.append(TransferSubmission(tag: id, host: Self.hostKey(row.request.url), priority: 0,
                                                  observer: self, startsPaused: paused))
        if snapshot.rateLimit > 0 { submissions.capped.append((id, snapshot.rateLimit)) }
        return id
    }

    /// Rows to hand to the scheduler once the lock is released, and which of
    /// them come back paused.
    struct SubmitBatch {
        var all: [TransferSubmission] = []
        /// Restored rows with a rate cap of their own.
        var capped: [(UInt64, Int64)] = []
    }

    func submit(_ batch: SubmitBatch) {
        guard !batch.all.isEmpty else { return }
        session.scheduler.post(batch.all.count == 1 ? .submit(batch.all[0]) : .submitAll(batch.all))
        for (id, rate) in batch.capped { session.scheduler.post(.setTransferRate(id, rate)) }
        persistWake.signal()
    }

    static func hostKey(_ url: String) -> String { TransferSpec.hostKey(of: url) }

    // MARK: control

    public func abort(_ id: UInt64) { session.scheduler.post(.abort(id)) }

    public func togglePause(_ id: UInt64) {
        if continueSaved(id) { return }
        guard let shown = state.withLock({ $0.snapshot(id)?.state }) else { return }
        if shown == .paused {
            session.scheduler.post(.resume(id))
        } else if !shown.isFinal {
            session.scheduler.post(.pause(id))
        }
    }

    /// Starts a failed or aborted transfer again, under the same id, from
    /// what its .part holds when the server still has the same file.
    public func retry(_ id: UInt64) {
        if continueSaved(id) { return }
        let submission = state.withLock { s -> TransferSubmission? in
            guard var row = s.rows[id], let shown = s.snapshot(id), shown.state == .failed || shown.state == .aborted,
                  row.request.refusal == nil else { return nil }
            row.resume = shown.state == .failed ? shown.resume : nil
            row.earlierAttempts = shown.attempt
            var fresh = queuedSnapshot(row.request, id: id, addedAt: shown.queuedAt)
            fresh.attempt = row.earlierAttempts + 1
            fresh.resume = row.resume
            fresh.name = shown.name
            fresh.rateLimit = shown.rateLimit
            row.core = nil
            row.coreVersion = 0
            s.rows[id] = row
            s.setSnapshot(id, fresh)
            return TransferSubmission(tag: id, host: Self.hostKey(row.request.url), priority: 0, observer: self)
        }
        if let submission { submit(SubmitBatch(all: [submission])) }
        // A cap set on the row holds for the new attempt too.
        let own = state.withLock { $0.snapshot(id)?.rateLimit } ?? 0
        if submission != nil, own > 0 { session.scheduler.post(.setTransferRate(id, own)) }
    }

    /// Takes a finished transfer off the list; its file stays. A row listed
    /// as `saved` is discarded: its record deleted, its .part left on disk.
    public func remove(_ id: UInt64) {
        let removed = state.withLock { s -> Bool in
            guard let row = s.rows[id], let shown = s.snapshot(id)?.state, shown.isFinal || shown == .saved
            else { return false }
            if case .download(_, let path, _) = row.request { s.reservedPaths.remove(path) }
            if row.saved != nil, let key = row.key { s.pendingDeletes.append(key) }
            s.removeRow(id)
            return row.saved != nil
        }
        if removed { persistWake.signal() }
    }

    /// How many finished rows keep their header lines (see DetailWindow);
    /// older ones keep their request and status lines.
    public static let finishedRowsWithHeaders = DetailWindow.capacity

    public var concurrencyLimit: Int { limitNow.load(ordering: .relaxed) }

    public func setConcurrencyLimit(_ n: Int) {
        let n = max(1, min(n, 256))
        limitNow.store(n, ordering: .relaxed)
        session.setLimits(global: n, perHost: options.perHostLimit.map { min($0, n) } ?? n)
    }

    /// Waits until some transfer settles, or `timeout` passes.
    public func waitForSettlement(timeout: TimeInterval) {
        waitForSettlements(1, timeout: timeout)
    }

    /// Waits until `count` more transfers settled, or `timeout` passes: a
    /// command topping up a window of small files wakes once per batch.
    public func waitForSettlements(_ count: Int, timeout: TimeInterval) {
        let target = settledCount.load(ordering: .acquiring) + max(1, count)
        wakeAtCount.store(target, ordering: .releasing)
        if settledCount.load(ordering: .acquiring) >= target { return }
        settlements.wait(timeout: .now() + timeout)
    }

    /// `directory` as `LocalPath` spells it.
    func canonicalDirectory(_ directory: String) -> String {
        if let last = lastDirectory.withLock({ $0 }), last.given == directory { return last.canonical }
        let canonical = LocalPath.canonicalDirectory(directory)
        lastDirectory.withLock { $0 = (directory, canonical) }
        return canonical
    }

    /// `directory`/`name` in a buffer of exactly its length: a row keeps
    /// this string for as long as it is listed, and the slack a path
    /// grown by appending leaves cost 16 bytes a row.
    static func joined(_ directory: String, _ name: String) -> String {
        let separator = directory.hasSuffix("/") ? "" : "/"
        var path = ""
        let length = directory.utf8.count + separator.utf8.count + name.utf8.count
        // Short ones fit in the String itself, with no buffer at all.
        if length > 15 { path.reserveCapacity(length) }
        path += directory
        path += separator
        path += name
        return path
    }
}
