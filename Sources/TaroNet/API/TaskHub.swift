import Dispatch
import TaroSync

/// Delivers one task's events to its listeners and callbacks, in order, on
/// the task's own serial queue: headers, then progress, then success or fail,
/// then complete, then the awaiting callers. It settles exactly once.
final class TaskHub<Success: Sendable, Progress: Sendable>: TransferEventHandler {
    struct Callbacks: Sendable {
        var success: (@Sendable (Success) -> Void)?
        var fail: (@Sendable (TaroError) -> Void)?
        var complete: (@Sendable (TaroCallbackResult) -> Void)?
    }

    /// Called once with the outcome, after the callbacks, on the task's queue:
    /// an awaiting caller, or a stream that ends when the task settles.
    typealias Waiter = @Sendable (Result<Success, TaroError>) -> Void

    private enum Settlement {
        case pending([Waiter])
        /// Settled, callbacks not yet run: late waiters still wait for them.
        case delivering(Result<Success, TaroError>, [Waiter])
        case delivered(Result<Success, TaroError>)
    }

    let api: String
    let headerListeners = ListenerList<HeadersReceivedResult>(sticky: true)
    let progressListeners = ListenerList<Progress>(sticky: true)
    /// With a backlog: a caller opens `chunks` (or adds its listener) right
    /// after creating the task, and on loopback the first chunks can be in
    /// before that line runs. Only `enableChunked` requests report chunks,
    /// and their whole body is kept in memory anyway.
    let chunkListeners = ListenerList<ChunkReceivedResult>(backlog: true)
    private let queue: DispatchQueue
    private let callbacks: Callbacks
    private let makeProgress: (@Sendable (Int64, Int64) -> Progress)?
    private let makeSuccess: @Sendable (TransferResponse) -> Success
    private let settlement = Locked(Settlement.pending([]))
    /// Latest progress not yet delivered; a slow listener sees fewer, newer events.
    private let pendingProgress = Locked<(value: Progress?, scheduled: Bool)>((nil, false))

    init(api: String, callbacks: Callbacks,
         makeProgress: (@Sendable (Int64, Int64) -> Progress)?,
         makeSuccess: @escaping @Sendable (TransferResponse) -> Success) {
        self.api = api
        self.callbacks = callbacks
        self.makeProgress = makeProgress
        self.makeSuccess = makeSuccess
        self.queue = DispatchQueue(label: "taro.task.\(api)", target: .global())
    }

    var isSettled: Bool {
        settlement.withLock { if case .pending = $0 { return false } else { return true } }
    }

    /// The failure, once settled with one.
    var settledError: TaroError? {
        settlement.withLock { s in
            switch s {
            case .delivering(.failure(let e), _), .delivered(.failure(let e)): return e
            default: return nil
            }
        }
    }

    /// Adds a listener to one of this task's lists. One added after the
    /// headers (or some progress) came still gets them (the latest
    /// progress), in its turn on the task's queue.
    func add<Event>(_ listener: @escaping ListenerList<Event>.Listener, to list: ListenerList<Event>) -> ListenerToken {
        let (token, missed) = list.add(listener)
        if let missed { queue.async { list.replay(missed) } }
        if list.keepsBacklog { queue.async { list.drainBacklog() } }
        return token
    }

    func headersReceived(statusCode: Int, fields: [HTTPExchange.Field]) {
        let result = HeadersReceivedResult(statusCode: statusCode, fields: fields)
        queue.async { self.headerListeners.fire(result) }
    }

    func progressUpdated(done: Int64, total: Int64) {
        guard let makeProgress else { return }
        let event = makeProgress(done, total)
        guard !progressListeners.isEmpty else { return progressListeners.remember(event) }
        let schedule = pendingProgress.withLock { p -> Bool in
            p.value = event
            defer { p.scheduled = true }
            return !p.scheduled
        }
        guard schedule else { return }
        queue.async {
            let latest = self.pendingProgress.withLock { p -> Progress? in
                defer { p = (nil, false) }
                return p.value
            }
            if let latest { self.progressListeners.fire(latest) }
        }
    }

    func chunkReceived(_ bytes: [UInt8]) {
        let result = ChunkReceivedResult(data: bytes)
        queue.async { self.chunkListeners.fire(result) }
    }

    func settled(_ outcome: TransferOutcome) {
        settle(outcome.map(makeSuccess).mapError { TaroError(api: api, failure: $0) })
    }

    /// Settles once; later calls do nothing.
    func settle(_ result: Result<Success, TaroError>) {
        let first = settlement.withLock { s -> Bool in
            guard case .pending(let waiters) = s else { return false }
            s = .delivering(result, waiters)
            return true
        }
        guard first else { return }
        queue.async { self.deliver(result) }
    }

    private func deliver(_ result: Result<Success, TaroError>) {
        switch result {
        case .success(let value):
            callbacks.success?(value)
            callbacks.complete?(TaroCallbackResult(errMsg: "\(api):ok"))
        case .failure(let error):
            callbacks.fail?(error)
            callbacks.complete?(TaroCallbackResult(errMsg: error.errMsg))
        }
        let waiters = settlement.withLock { s -> [Waiter] in
            guard case .delivering(_, let waiters) = s else { return [] }
            s = .delivered(result)
            return waiters
        }
        for waiter in waiters { waiter(result) }
    }

    /// Calls `waiter` once the task has settled and its callbacks ran, on the
    /// task's queue: after every event queued before this call.
    func whenSettled(_ waiter: @escaping Waiter) {
        let ready = settlement.withLock { s -> Result<Success, TaroError>? in
            switch s {
            case .pending(var waiters):
                waiters.append(waiter)
                s = .pending(waiters)
                return nil
            case .delivering(let result, var waiters):
                waiters.append(waiter)
                s = .delivering(result, waiters)
                return nil
            case .delivered(let result):
                return result
            }
        }
        // Through the queue, so that whatever was queued before this call
        // (a header replay for a late listener) is delivered first.
        if let ready { queue.async { waiter(ready) } }
    }

    /// The settled value, waiting for it (and for the callbacks) if needed.
    func value() async throws -> Success {
        try await withCheckedThrowingContinuation { continuation in
            whenSettled { continuation.resume(with: $0.mapError { $0 as any Error }) }
        }
    }

    /// The events of one list as a stream that ends once the task settles.
    /// A sticky list first hands over the event it fired last; the stream
    /// stops listening when its consumer goes away.
    func stream<Event>(of list: ListenerList<Event>,
                       buffering: AsyncStream<Event>.Continuation.BufferingPolicy) -> AsyncStream<Event> {
        AsyncStream(bufferingPolicy: buffering) { continuation in
            let token = add({ continuation.yield($0) }, to: list)
            whenSettled { _ in continuation.finish() }
            continuation.onTermination = { _ in list.remove(token) }
        }
    }
}
