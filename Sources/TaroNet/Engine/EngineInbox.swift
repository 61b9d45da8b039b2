import CCurl
import Synchronization

/// The one way into the engine thread from others: messages for the
/// scheduler, appended under a lock, and a `curl_multi_wakeup` to end the
/// poll. The multi handle is touched here only by that wakeup, under the same
/// lock, and never after `finished` is set, so no wakeup can reach a freed
/// handle.
final class EngineInbox: Sendable {
    private struct State {
        var messages: [SchedulerMessage] = []
        /// No more messages from outside are taken (close was called).
        var closed = false
        /// The thread freed the multi handle.
        var finished = false
        /// A wakeup was sent since the thread last took its messages: the
        /// poll it ends has not been followed by a `take` yet, so another
        /// would only cost a syscall and a spurious round.
        var woken = false

        mutating func wakeOnce(_ multi: UnsafeMutableRawPointer) {
            guard !finished, !woken else { return }
            woken = true
            curl_multi_wakeup(multi)
        }
    }

    private let state = Mutex(State())
    nonisolated(unsafe) private let multi: UnsafeMutableRawPointer

    init(multi: UnsafeMutableRawPointer) {
        self.multi = multi
    }

    /// A message from outside; false once closed.
    func post(_ message: SchedulerMessage) -> Bool {
        state.withLock { s -> Bool in
            guard !s.closed else { return false }
            s.messages.append(message)
            s.wakeOnce(multi)
            return true
        }
    }

    /// A message from the engine's own helpers (the disk worker): taken even
    /// while closing, so shutdown still hears how their work ended.
    func postInternal(_ message: SchedulerMessage) {
        state.withLock { s in
            s.messages.append(message)
            s.wakeOnce(multi)
        }
    }

    /// Ends the poll without a message (a scheduler job was queued).
    func wake() {
        state.withLock { $0.wakeOnce(multi) }
    }

    /// Stops taking messages from outside; true for the first call.
    func close() -> Bool {
        state.withLock { s -> Bool in
            guard !s.closed else { return false }
            s.closed = true
            s.wakeOnce(multi)
            return true
        }
    }

    /// What arrived, and whether to stop once it is handled. The thread
    /// calls it after running the executor's jobs and before each poll, so
    /// anything posted after this call sends a wakeup of its own.
    func take() -> (messages: [SchedulerMessage], stop: Bool) {
        state.withLock { s in
            s.woken = false
            defer { s.messages.removeAll(keepingCapacity: true) }
            return (s.messages, s.closed)
        }
    }

    /// The multi handle is about to be freed: no wakeup from now on.
    func finish() {
        state.withLock { $0.finished = true }
    }
}
