import Dispatch
import Synchronization

/// Wakes one waiting thread, coalescing: a thousand signals before it runs
/// cost one wakeup (one futex call), not a thousand, and leave nothing
/// behind to make it spin later. A waiter that returns must look at
/// everything that may have changed, since one wake stands for many.
final class WakeSignal: Sendable {
    private let pending = Atomic<Bool>(false)
    private let semaphore = DispatchSemaphore(value: 0)

    func signal() {
        // Only the first signal since the last wake reaches the semaphore.
        if !pending.exchange(true, ordering: .acquiringAndReleasing) { semaphore.signal() }
    }

    /// Waits for a signal (or the timeout); true when signalled.
    @discardableResult
    func wait(timeout: DispatchTime = .distantFuture) -> Bool {
        let signalled = semaphore.wait(timeout: timeout) == .success
        if signalled { pending.store(false, ordering: .releasing) }
        return signalled
    }
}
