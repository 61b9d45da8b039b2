import Foundation
import Synchronization

/// A list of transfers over one session, as a person manages them: queue a
/// download into a directory or an upload, abort, pause, retry, remove, and
/// read a snapshot of everything at once. The TUI and the headless commands
/// are both built on it. Each entry keeps its id across retries; with a state
/// directory, unfinished entries survive the process (see +Persistence).
public final class TransferManager: Sendable {
    struct Entry {
        let id: UInt64
        let key: String
        let request: TransferRequest
        var handle: any TransferHandle
        /// Attempts made by earlier tasks of this entry (manual retries, earlier runs).
        var earlierAttempts: Int
        let serverNaming: Bool
        let addedAt: Date
        var lastSaved: StoredTransfer?
    }

    struct State {
        var entries: [Entry] = []
        var index: [UInt64: Int] = [:]
        var nextID: UInt64 = 1
        /// Destinations handed out and not yet finished, so two entries never share a .part.
        var reservedPaths: Set<String> = []
        /// Saved records not yet taken up by this run.
        var unclaimed: [StoredTransfer] = []
        var listVersion: UInt64 = 0
        var lastFingerprint: (UInt64, UInt64) = (0, 0)
        var version: UInt64 = 0
        var limit: Int
        var closed = false
    }

    public let session: TaroSession
    let options: ManagerOptions
    let store: TransferStore?
    let state: Mutex<State>
    /// Signalled each time a transfer settles, so waiters need not poll.
    let settlements = DispatchSemaphore(value: 0)

    /// Opens the state directory (if any) and takes its lock: a second
    /// process on the same directory gets a clear error.
    public init(options: ManagerOptions, session: TaroSession? = nil) throws {
        self.options = options
        self.session = session ?? TaroSession(limits: SchedulerLimits(global: options.limit, perHost: options.limit))
        self.session.setLimits(global: options.limit, perHost: options.limit)
        store = try options.stateDirectory.map(TransferStore.init(directory:))
        state = Mutex(State(unclaimed: store?.load() ?? [], limit: options.limit))
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
                            headers: [String: String] = [:]) -> UInt64 {
        let base = SafeFileName.make(fileName ?? RequestURL.lastPathComponent(url))
        return state.withLock { s in
            if let saved = claim(&s, where: { request in
                guard case .download(let u, let p, _) = request else { return false }
                return u == url && (p as NSString).deletingLastPathComponent == (directory as NSString).standardizingPath
            }) {
                return append(&s, saved)
            }
            let path = Self.freePath(directory: directory, name: base, reserved: s.reservedPaths)
            return append(&s, .download(url: url, path: path, headers: headers), serverNaming: fileName == nil)
        }
    }

    /// Queues a download to exactly `path`; it fails rather than replace an
    /// existing file. A saved unfinished download to that path is continued.
    @discardableResult
    public func addDownload(url: String, path: String, headers: [String: String] = [:]) -> UInt64 {
        state.withLock { s in
            if let saved = claim(&s, where: { $0 == .download(url: url, path: path, headers: headers) }) {
                return append(&s, saved)
            }
            return append(&s, .download(url: url, path: path, headers: headers), serverNaming: false)
        }
    }

    /// Queues an upload of `filePath`: multipart under `fieldName`, or a raw PUT.
    @discardableResult
    public func addUpload(filePath: String, url: String, fieldName: String = "file", put: Bool = false,
                          headers: [String: String] = [:]) -> UInt64 {
        state.withLock { s in
            append(&s, .upload(filePath: filePath, url: url, fieldName: fieldName, put: put, headers: headers),
                   serverNaming: false)
        }
    }

    /// Puts every saved unfinished transfer back in the list (the TUI at launch).
    public func restoreSaved() {
        state.withLock { s in
            let saved = s.unclaimed
            s.unclaimed.removeAll()
            for record in saved { _ = append(&s, record) }
        }
    }

    private func claim(_ s: inout State, where matches: (TransferRequest) -> Bool) -> StoredTransfer? {
        guard let i = s.unclaimed.firstIndex(where: { matches($0.request) }) else { return nil }
        return s.unclaimed.remove(at: i)
    }

    private func append(_ s: inout State, _ request: TransferRequest, serverNaming: Bool) -> UInt64 {
        if case .download(_, let path, _) = request { s.reservedPaths.insert(path) }
        return insert(&s, Entry(id: 0, key: UUID().uuidString.lowercased(), request: request,
                                handle: start(request, serverNaming: serverNaming, resume: nil),
                                earlierAttempts: 0, serverNaming: serverNaming, addedAt: Date(), lastSaved: nil))
    }

    private func append(_ s: inout State, _ saved: StoredTransfer) -> UInt64 {
        if case .download(_, let path, _) = saved.request { s.reservedPaths.insert(path) }
        let handle = start(saved.request, serverNaming: saved.serverNaming, resume: saved.resume)
        if saved.state == .paused { handle.pause() }
        return insert(&s, Entry(id: 0, key: saved.key, request: saved.request, handle: handle,
                                earlierAttempts: max(0, saved.attempts - 1), serverNaming: saved.serverNaming,
                                addedAt: saved.addedAt, lastSaved: saved))
    }

    private func insert(_ s: inout State, _ entry: Entry) -> UInt64 {
        var entry = entry
        let id = s.nextID
        s.nextID += 1
        entry = Entry(id: id, key: entry.key, request: entry.request, handle: entry.handle,
                      earlierAttempts: entry.earlierAttempts, serverNaming: entry.serverNaming,
                      addedAt: entry.addedAt, lastSaved: entry.lastSaved)
        s.index[id] = s.entries.count
        s.entries.append(entry)
        s.listVersion &+= 1
        return id
    }

    func start(_ request: TransferRequest, serverNaming: Bool, resume: ResumePoint?) -> any TransferHandle {
        let signal: @Sendable () -> Void = { [settlements] in settlements.signal() }
        switch request {
        case .download(let url, let path, let headers):
            return session.startDownload(url: url, path: path, headers: headers, serverNaming: serverNaming,
                                         options: options, resume: resume, durable: store != nil, onSettle: signal)
        case .upload(let filePath, let url, let fieldName, let put, let headers):
            return session.uploadFile(UploadFileOption(url: url, filePath: filePath, name: fieldName,
                                                       header: headers, timeout: 0, method: put ? .put : .multipart,
                                                       complete: { _ in signal() }))
        }
    }

    // MARK: control

    public func abort(_ id: UInt64) { handle(id)?.abort() }

    public func togglePause(_ id: UInt64) {
        guard let handle = handle(id), let snap = handle.snapshot else { return }
        if snap.state == .paused { handle.resume() } else if !snap.state.isFinal { handle.pause() }
    }

    /// Starts a failed or aborted transfer again, under the same id, from
    /// what its .part holds when the server still has the same file.
    public func retry(_ id: UInt64) {
        state.withLock { s in
            guard let i = s.index[id], let snap = s.entries[i].handle.snapshot,
                  snap.state == .failed || snap.state == .aborted else { return }
            let resume = snap.state == .failed ? snap.resume : nil
            s.entries[i].earlierAttempts += snap.attempt
            s.entries[i].handle = start(s.entries[i].request, serverNaming: s.entries[i].serverNaming, resume: resume)
            s.listVersion &+= 1
        }
    }

    /// Takes a finished transfer off the list; its file stays.
    public func remove(_ id: UInt64) {
        state.withLock { s in
            guard let i = s.index[id] else { return }
            // A task refused before it started has no snapshot and is final.
            if let snap = s.entries[i].handle.snapshot, !snap.state.isFinal { return }
            if case .download(_, let path, _) = s.entries[i].request { s.reservedPaths.remove(path) }
            if s.entries[i].lastSaved != nil { store?.delete(key: s.entries[i].key) }
            s.entries.remove(at: i)
            s.index = Dictionary(uniqueKeysWithValues: s.entries.enumerated().map { ($1.id, $0) })
            s.listVersion &+= 1
        }
    }

    public var concurrencyLimit: Int { state.withLock { $0.limit } }

    public func setConcurrencyLimit(_ n: Int) {
        let n = max(1, min(n, 256))
        state.withLock { $0.limit = n; $0.listVersion &+= 1 }
        session.setLimits(global: n, perHost: n)
    }

    // MARK: reading

    /// Everything, in the order queued. `version` grows whenever anything changed.
    public func snapshot() -> (version: UInt64, items: [TransferSnapshot]) {
        state.withLock { s in
            var sum: UInt64 = 0
            var items: [TransferSnapshot] = []
            items.reserveCapacity(s.entries.count)
            for entry in s.entries {
                guard var snap = entry.handle.snapshot else {
                    items.append(entry.handle.refusedSnapshot(id: entry.id, request: entry.request))
                    continue
                }
                sum &+= entry.handle.version
                snap.id = entry.id
                snap.attempt += entry.earlierAttempts
                items.append(snap)
            }
            let fingerprint = (s.listVersion, sum)
            if fingerprint != s.lastFingerprint {
                s.lastFingerprint = fingerprint
                s.version &+= 1
            }
            return (s.version, items)
        }
    }

    /// What changed since `version` (0 for everything), with totals over
    /// the whole list. A reader keeps its own rows and applies the changes.
    public func changes(since version: UInt64) -> TransferChanges {
        let (current, items) = snapshot()
        var totals = TransferTotals()
        for item in items {
            totals.count(item, sign: 1)
            if !item.state.isFinal { totals.bytesPerSecond += item.bytesPerSecond }
        }
        if current == version {
            return TransferChanges(version: current, isFull: false, changed: [], removed: [], totals: totals)
        }
        return TransferChanges(version: current, isFull: true, changed: items, removed: [], totals: totals)
    }

    /// Queues many downloads into `directory` at once (an imported list, a paste).
    public func addDownloads(urls: [String], directory: String) {
        for url in urls { addDownload(url: url, directory: directory) }
    }

    /// Waits until some transfer settles, or `timeout` passes.
    public func waitForSettlement(timeout: TimeInterval) {
        _ = settlements.wait(timeout: .now() + timeout)
    }

    func handle(_ id: UInt64) -> (any TransferHandle)? {
        state.withLock { s in s.index[id].map { s.entries[$0].handle } }
    }

    /// `name`, or `name-1`, `name-2`… : the first whose file and .part are both free.
    static func freePath(directory: String, name: String, reserved: Set<String>) -> String {
        let base = (directory as NSString).appendingPathComponent(name)
        for n in 0..<10_000 {
            let candidate = n == 0 ? base : FileSink.numbered(base, n)
            if !reserved.contains(candidate), access(candidate, F_OK) != 0, access(candidate + ".part", F_OK) != 0 {
                return candidate
            }
        }
        return base + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}
