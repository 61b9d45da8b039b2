import CCurl
import Foundation
import Synchronization

/// One thread that owns one curl multi handle and every easy handle. Other
/// threads only post commands and wake the poll with `curl_multi_wakeup`, the
/// one thread-safe multi call. Results go out through `report`.
final class CurlEngine: Sendable {
    private struct Inbox {
        var commands: [EngineCommand] = []
        var closed = false
    }

    /// Shared with the engine thread only through the lock; `multi` itself is
    /// touched elsewhere only by `curl_multi_wakeup`, under the same lock, and
    /// never after `closed` is set — so no wakeup can reach a freed handle.
    private let inbox = Mutex(Inbox())
    nonisolated(unsafe) private let multi: UnsafeMutableRawPointer
    private let report: @Sendable (EngineEvent) -> Void
    private let finished = DispatchSemaphore(value: 0)

    init(report: @escaping @Sendable (EngineEvent) -> Void) {
        CurlGlobal.ensureInitialized()
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed") }
        self.multi = multi
        self.report = report
        let loop = EngineLoop(multi: multi, report: report)
        let thread = Thread { [self] in
            loop.run(take: { self.takeCommands() })
            self.finished.signal()
        }
        thread.name = "taro-curl-engine"
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Hands a command to the engine thread. After shutdown, a start is
    /// answered at once as failed so that no caller waits forever.
    func post(_ command: EngineCommand) {
        let accepted = inbox.withLock { box -> Bool in
            guard !box.closed else { return false }
            box.commands.append(command)
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted, case .start(let core, _) = command {
            report(.finished(core.id, .failure(.message("engine stopped"))))
        }
    }

    /// Stops the thread: transfers in flight end as failed ("engine stopped"),
    /// their handles are cleaned up, and the multi handle is freed last.
    func shutdown() {
        let first = inbox.withLock { box -> Bool in
            guard !box.closed else { return false }
            box.closed = true
            curl_multi_wakeup(multi)
            return true
        }
        if first { finished.wait() }
    }

    /// Called by the engine thread: the pending commands, and whether to stop
    /// once they are handled.
    private func takeCommands() -> (commands: [EngineCommand], stop: Bool) {
        inbox.withLock { box in
            defer { box.commands.removeAll(keepingCapacity: true) }
            return (box.commands, box.closed)
        }
    }
}
