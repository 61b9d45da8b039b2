import CCurl
import Foundation
import TaroSync

/// One thread that owns one curl multi handle and every easy handle, and
/// runs the scheduler actor's jobs (see EngineExecutor). Other threads only
/// post to its inbox, which wakes the poll. Each round: run the scheduler's
/// jobs and the inbox → let curl move data → hand the events to the
/// scheduler → fire due retry timers → poll.
final class CurlEngine: Sendable {
    private let inbox: EngineInbox
    nonisolated(unsafe) private let multi: UnsafeMutableRawPointer
    let executor: EngineExecutor
    private let disk: DiskWorker
    private let share: CurlShare
    private let stopped = DispatchSemaphore(value: 0)

    /// `maxHostConnections`: connections to one host at most; 0 for no cap
    /// beyond the scheduler's per-host slots.
    init(maxHostConnections: Int = 0) {
        CurlGlobal.ensureInitialized()
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed") }
        MultiHandleOptions.apply(to: multi, maxHostConnections: maxHostConnections)
        share = CurlShare()
        self.multi = multi
        let inbox = EngineInbox(multi: multi)
        self.inbox = inbox
        executor = EngineExecutor(wake: { inbox.wake() })
        disk = DiskWorker(report: { inbox.postInternal(.diskDone($0)) })
    }

    /// Starts the thread. It holds the scheduler until it stops.
    func start(_ scheduler: TransferScheduler) {
        NamedThread.start("taro-engine", stackSize: 1 << 20) { [self] in
            EngineThread.markCurrent()
            self.run(EngineLoop(multi: self.multi, disk: self.disk, share: self.share), scheduler)
            self.stopped.signal()
        }
    }

    /// Hands a message to the engine thread; false once closed.
    func post(_ message: SchedulerMessage) -> Bool {
        inbox.post(message)
    }

    /// Stops the thread and waits for it (unless called on it). Transfers in
    /// flight end as failed ("engine stopped"), waiting ones as aborted.
    func shutdown() {
        if inbox.close() && !EngineThread.isCurrent { stopped.wait() }
    }

    private func run(_ loop: EngineLoop, _ scheduler: TransferScheduler) {
        scheduler.assumeIsolated { $0.attach(loop) }
        while true {
            executor.runPending()
            let (messages, stop) = inbox.take()
            if !messages.isEmpty { scheduler.assumeIsolated { $0.receive(messages) } }
            if stop { break }
            loop.perform()
            // Starting a transfer the scheduler just granted can itself end
            // it (a refused start): keep going until nothing is left to say.
            while loop.hasEvents {
                let events = loop.takeEvents()
                scheduler.assumeIsolated { $0.engineEvents(events) }
            }
            let now = DispatchTime.now().uptimeNanoseconds
            let nextTimer = scheduler.assumeIsolated { $0.fireTimers(now: now) }
            // With nothing to do, sleep long: a wakeup ends the poll at once.
            var timeout: Int32 = loop.isIdle ? 5_000 : 250
            if let due = nextTimer {
                let left = due > now ? Int32(min(UInt64(timeout), (due - now) / 1_000_000 + 1)) : 0
                timeout = min(timeout, left)
            }
            // Paced connections go on as their rate allows; the poll wakes for the next.
            if let paced = loop.releasePaced() { timeout = min(timeout, paced) }
            if loop.hasEvents { timeout = 0 }
            loop.poll(timeoutMs: timeout)
        }
        // Shutdown: suspend what runs, let the disk worker finish (its results
        // come back as messages), then abort whatever is left.
        scheduler.assumeIsolated { $0.beginShutdown() }
        loop.stopAll()
        let events = loop.takeEvents()
        scheduler.assumeIsolated { $0.engineEvents(events) }
        disk.finish()
        executor.runPending()
        let (messages, _) = inbox.take()
        scheduler.assumeIsolated { scheduler in
            scheduler.receive(messages)
            scheduler.detach()
        }
        inbox.finish()
        loop.cleanup()
        executor.finish()
    }
}
