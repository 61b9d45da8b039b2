import Foundation

/// One engine and one scheduler, shared by every task created from it.
/// `Taro.*` use `TaroSession.shared`; a program or a test that wants its own
/// limits makes its own session.
public final class TaroSession: Sendable {
    public static let shared = TaroSession()

    let scheduler: TransferScheduler

    /// `maxHostConnections`: connections to one host at most (HTTP/2 runs
    /// many transfers on one); 0 for no cap beyond the per-host limit.
    public init(limits: SchedulerLimits = .default, maxHostConnections: Int = 0) {
        scheduler = TransferScheduler(limits: limits, maxHostConnections: maxHostConnections)
    }

    /// A session nobody holds any more stops its engine thread, which would
    /// otherwise keep the scheduler alive forever.
    deinit {
        scheduler.close()
    }

    /// Changes the concurrency limits; waiting transfers start at once if they now fit.
    public func setLimits(global: Int? = nil, perHost: Int? = nil) {
        scheduler.post(.setLimits(global: global, perHost: perHost))
    }

    /// Changes the global rate limits (0: none), live: the running transfers'
    /// shares are recomputed at once.
    public func setRateLimits(_ limits: RateLimits) {
        scheduler.post(.setRateLimits(limits))
    }

    public var rateLimits: RateLimits {
        get async { await scheduler.currentRateLimits }
    }

    public var limits: SchedulerLimits {
        get async { await scheduler.currentLimits }
    }

    /// Transfers running now, waiting now, and the most that ever ran at once.
    public func counts() async -> (running: Int, waiting: Int, peak: Int) {
        await scheduler.counts()
    }

    /// Stops every transfer (running ones fail, waiting ones are aborted) and
    /// the engine thread. Blocks until the engine has let go of every handle.
    public func close() {
        scheduler.close()
    }

    /// Hands an API task's transfer to the scheduler; it waits there as a record.
    func submit(_ core: TransferCore, _ spec: TransferSpec, priority: Int) {
        if spec.wire.insecure { core.update { $0.insecure = true } }
        let transfer = TaskTransfer(core: core, spec: spec)
        scheduler.post(.submit(TransferSubmission(tag: core.id, host: spec.hostKey, priority: priority,
                                                  observer: transfer)))
    }

    /// A task that failed before it could start: it settles at once.
    func refused<S, P>(_ hub: TaskHub<S, P>, _ failure: TransferFailure) {
        hub.settle(.failure(TaroError(api: hub.api, failure: failure)))
    }
}
