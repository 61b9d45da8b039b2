import TaroSync
import Foundation
import Synchronization

/// What the accept thread, every connection thread and the public
/// `TaroServer` handle share. Threads hold this object, not the `TaroServer`,
/// so dropping the last `TaroServer` reference still runs its `deinit` → `stop()`.
final class ServerCore: Sendable {
    private let state: Locked<ServerState>
    private let stopping = Atomic<Bool>(false)
    /// Bytes through every connection's sockets.
    let wire = WireCounter()

    /// How long `stop()` waits for threads to notice and finish. Blocking calls
    /// are woken by `shutdown`, sleeps poll the stop flag every 20 ms, so this
    /// is only reached if something is badly wrong.
    private static let stopDeadline: Duration = .seconds(3)
    private static let sleepSlice: Duration = .milliseconds(20)

    init(listener: Int32) {
        state = Locked(ServerState(listener: listener))
    }

    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    // MARK: Threads and connections

    func threadStarted() {
        state.withLock { $0.liveThreads += 1 }
    }

    func threadFinished() {
        state.withLock { $0.liveThreads -= 1 }
    }

    /// Records a freshly accepted socket and counts its thread as live;
    /// returns false (and records nothing) when the server is stopping.
    func adopt(connection socket: Int32) -> Bool {
        state.withLock { state in
            // Checked under the lock that `stop()` takes after raising the
            // flag, so a socket is either refused here or shut down there.
            guard !isStopping else { return false }
            state.openConnections.insert(socket)
            state.liveThreads += 1
            return true
        }
    }

    /// Forgets a connection; the caller closes the socket afterwards, so
    /// `stop()` never shuts down a descriptor number that was reused.
    func release(connection socket: Int32) {
        state.withLock { state in
            _ = state.openConnections.remove(socket)
        }
    }

    /// Closes the listening socket once the accept loop is done with it.
    func closeListener() {
        state.withLock { state in
            if state.listener >= 0 {
                close(state.listener)
                state.listener = -1
            }
        }
    }

    // MARK: Requests

    func requestStarted() {
        state.withLock { state in
            state.currentRequests += 1
            state.peakConcurrentRequests = max(state.peakConcurrentRequests, state.currentRequests)
        }
    }

    func requestFinished() {
        state.withLock { $0.currentRequests -= 1 }
    }

    func log(_ request: LoggedRequest) {
        state.withLock { $0.requestLog.append(request) }
    }

    func record(_ upload: UploadRecord) {
        state.withLock { $0.uploads.append(upload) }
    }

    /// Counts one more request for `key`; returns the count including it.
    func hit(_ key: String) -> Int {
        state.withLock { state in
            state.hits[key, default: 0] += 1
            return state.hits[key]!
        }
    }

    func resource(at path: String) -> ServedResource? {
        state.withLock { $0.resources[path] }
    }

    func setResource(_ resource: ServedResource?, at path: String) {
        state.withLock { $0.resources[path] = resource }
    }

    func read<Value: Sendable>(_ body: (ServerState) -> Value) -> Value {
        state.withLock { body($0) }
    }

    func resetStats() {
        state.withLock { state in
            state.requestLog.removeAll()
            state.uploads.removeAll()
            state.peakConcurrentRequests = state.currentRequests
        }
    }

    // MARK: Stopping

    /// Wakes every thread out of its blocking call and waits (bounded) for
    /// them to finish. Safe to call more than once and from several threads.
    func stop() {
        stopping.store(true, ordering: .releasing)
        state.withLock { state in
            // shutdown, not close: the owning thread closes its descriptor,
            // and shutdown is what interrupts a blocked accept/recv/send.
            if state.listener >= 0 { shutdown(state.listener, Int32(SHUT_RDWR)) }
            for socket in state.openConnections { shutdown(socket, Int32(SHUT_RDWR)) }
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.stopDeadline)
        while state.withLock({ $0.liveThreads }) > 0, clock.now < deadline {
            usleep(1_000)
        }
    }

    /// Sleeps for `duration`, waking early when the server stops.
    /// Returns false when interrupted by `stop()`.
    func sleep(for duration: Duration) -> Bool {
        let clock = ContinuousClock()
        return sleep(until: clock.now.advanced(by: duration))
    }

    func sleep(until deadline: ContinuousClock.Instant) -> Bool {
        let clock = ContinuousClock()
        while true {
            if isStopping { return false }
            let now = clock.now
            if now >= deadline { return true }
            let slice = min(deadline - now, Self.sleepSlice)
            let (seconds, attoseconds) = slice.components
            let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
            usleep(UInt32(max(1, microseconds)))
        }
    }
}
