import Foundation
import Synchronization

/// A list of transfers over one session, as a person manages them: queue a
/// download into a directory or an upload, abort, pause, retry, remove, and
/// read a snapshot of everything at once. The TUI and the headless commands
/// are both built on it. Each entry keeps its id across retries.
public final class TransferManager: Sendable {
    private struct Entry {
        let id: UInt64
        let request: TransferRequest
        var handle: any TransferHandle
        var attempt: Int
        let serverNaming: Bool
    }

    private struct State {
        var entries: [Entry] = []
        var index: [UInt64: Int] = [:]
        var nextID: UInt64 = 1
        /// Destinations handed out and not yet finished, so two entries never share a .part.
        var reservedPaths: Set<String> = []
        var listVersion: UInt64 = 0
        var lastFingerprint: (UInt64, UInt64) = (0, 0)
        var version: UInt64 = 0
        var limit: Int
    }

    public let session: TaroSession
    private let state: Mutex<State>
    /// Signalled each time a transfer settles, so waiters need not poll.
    private let settlements = DispatchSemaphore(value: 0)
    /// Downloads are not kept unbounded in time; an idle connection counts as a failure.
    private let downloadTimeout: Int

    /// Connections per download when the server allows ranges.
    private let segments: Int

    public init(limit: Int = 4, session: TaroSession? = nil, downloadTimeoutMilliseconds: Int = 0, segments: Int = 1) {
        self.segments = segments
        let limit = max(1, limit)
        self.session = session ?? TaroSession(limits: SchedulerLimits(global: limit, perHost: limit))
        self.state = Mutex(State(limit: limit))
        self.downloadTimeout = downloadTimeoutMilliseconds
        self.session.setLimits(global: limit, perHost: limit)
    }

    // MARK: queueing

    /// Queues a download into `directory`, named after the URL (or after
    /// what the server says, once it says it), never over an existing file.
    @discardableResult
    public func addDownload(url: String, directory: String, fileName: String? = nil,
                            headers: [String: String] = [:]) -> UInt64 {
        let base = SafeFileName.make(fileName ?? RequestURL.lastPathComponent(url))
        return state.withLock { s in
            let path = Self.freePath(directory: directory, name: base, reserved: s.reservedPaths)
            s.reservedPaths.insert(path)
            return append(&s, .download(url: url, path: path, headers: headers), serverNaming: fileName == nil)
        }
    }

    /// Queues a download to exactly `path`; it fails rather than replace an existing file.
    @discardableResult
    public func addDownload(url: String, path: String, headers: [String: String] = [:]) -> UInt64 {
        state.withLock { s in
            s.reservedPaths.insert(path)
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

    private func append(_ s: inout State, _ request: TransferRequest, serverNaming: Bool) -> UInt64 {
        let id = s.nextID
        s.nextID += 1
        let handle = start(request, serverNaming: serverNaming)
        s.index[id] = s.entries.count
        s.entries.append(Entry(id: id, request: request, handle: handle, attempt: 1, serverNaming: serverNaming))
        s.listVersion &+= 1
        return id
    }

    private func start(_ request: TransferRequest, serverNaming: Bool) -> any TransferHandle {
        switch request {
        case .download(let url, let path, let headers):
            return session.startDownload(url: url, path: path, headers: headers, serverNaming: serverNaming,
                                         timeoutMilliseconds: downloadTimeout, segments: segments,
                                         onSettle: { [settlements] in settlements.signal() })
        case .upload(let filePath, let url, let fieldName, let put, let headers):
            return session.uploadFile(UploadFileOption(url: url, filePath: filePath, name: fieldName,
                                                       header: headers, timeout: 0, method: put ? .put : .multipart,
                                                       complete: { [settlements] _ in settlements.signal() }))
        }
    }

    // MARK: control

    public func abort(_ id: UInt64) { handle(id)?.abort() }

    public func togglePause(_ id: UInt64) {
        guard let handle = handle(id), let snap = handle.snapshot else { return }
        if snap.state == .paused { handle.resume() } else if !snap.state.isFinal { handle.pause() }
    }

    /// Starts a failed or aborted transfer again, under the same id.
    public func retry(_ id: UInt64) {
        state.withLock { s in
            guard let i = s.index[id], let snap = s.entries[i].handle.snapshot,
                  snap.state == .failed || snap.state == .aborted || (snap.state == .done && (snap.statusCode ?? 0) >= 400)
            else { return }
            s.entries[i].handle = start(s.entries[i].request, serverNaming: s.entries[i].serverNaming)
            s.entries[i].attempt += 1
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

    /// Aborts everything and stops the engine.
    public func shutdown() {
        session.close()
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
                snap.attempt = entry.attempt
                if snap.state == .done, let code = snap.statusCode, code >= 400 {
                    snap.state = .failed
                    snap.errorMessage = snap.exchange.responses.last?.statusLine ?? "HTTP \(code)"
                }
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

    /// Waits until some transfer settles, or `timeout` passes.
    public func waitForSettlement(timeout: TimeInterval) {
        _ = settlements.wait(timeout: .now() + timeout)
    }

    /// All transfers settled (none queued, running or paused).
    public var isIdle: Bool {
        snapshot().items.allSatisfy { $0.state.isFinal }
    }

    private func handle(_ id: UInt64) -> (any TransferHandle)? {
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
