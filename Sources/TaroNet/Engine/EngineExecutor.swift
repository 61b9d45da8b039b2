import Foundation
import TaroSync

/// The engine thread as a Swift executor: the scheduler actor runs its jobs
/// here, between curl calls, so engine events reach it as plain calls on the
/// same thread and its commands reach curl the same way: no hop between them.
/// `enqueue` appends the job and wakes the poll; the loop runs it.
final class EngineExecutor: SerialExecutor, Sendable {
    private struct Jobs {
        var pending: [UnownedJob] = []
        /// The engine thread is gone: jobs run at once, one at a time, on
        /// the caller's thread (a late `await session.counts()` still answers).
        var finished = false
    }

    private let jobs = Locked(Jobs())
    private let afterFinish = Locked(())
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) {
        self.wake = wake
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let finished = jobs.withLock { jobs -> Bool in
            if !jobs.finished { jobs.pending.append(unowned) }
            return jobs.finished
        }
        if finished {
            afterFinish.withLock { _ in unowned.runSynchronously(on: asUnownedSerialExecutor()) }
        } else {
            wake()
        }
    }

    /// Runs every job queued so far. Engine thread only.
    func runPending() {
        let pending = jobs.withLock { jobs -> [UnownedJob] in
            defer { jobs.pending.removeAll(keepingCapacity: true) }
            return jobs.pending
        }
        for job in pending { job.runSynchronously(on: asUnownedSerialExecutor()) }
    }

    /// The engine thread stops: run what is left, and every later job inline.
    func finish() {
        runPending()
        let left = jobs.withLock { jobs -> [UnownedJob] in
            jobs.finished = true
            defer { jobs.pending.removeAll() }
            return jobs.pending
        }
        for job in left { job.runSynchronously(on: asUnownedSerialExecutor()) }
    }

    /// The scheduler is isolated to this executor: on the engine thread, and
    /// nowhere else, its state may be touched (swift-nio's thread confinement,
    /// asserted rather than assumed). After the thread ended, jobs run inline
    /// one at a time.
    func checkIsolated() {
        let finished = jobs.withLock { $0.finished }
        precondition(finished || EngineThread.isCurrent, "scheduler state touched off the engine thread")
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
