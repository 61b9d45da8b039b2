import Foundation

/// Owns policy: the queue, the concurrency slots (global and per host), and
/// each transfer's state machine. It reads its mailbox in order and carries
/// out the actions the state machines return; curl work is posted to the
/// engine, which answers through the same mailbox.
actor TransferScheduler {
    private struct Entry {
        let core: TransferCore
        var spec: TransferSpec
        let host: String
        let priority: Int
        var machine = TransferStateMachine()
    }

    private var limits: SchedulerLimits
    private var entries: [UInt64: Entry] = [:]
    private var queue = TransferQueue()
    private var running = 0
    private var runningPerHost: [String: Int] = [:]
    private var peakRunning = 0
    private var closed = false
    private let engine: CurlEngine
    private let mailbox: AsyncStream<SchedulerMessage>.Continuation

    init(limits: SchedulerLimits) {
        let (stream, mailbox) = AsyncStream.makeStream(of: SchedulerMessage.self)
        self.limits = limits
        self.mailbox = mailbox
        self.engine = CurlEngine(report: { mailbox.yield(.engine($0)) })
        Task { await self.run(stream) }
    }

    nonisolated func post(_ message: SchedulerMessage) {
        mailbox.yield(message)
    }

    /// Stops the engine: running transfers fail with "engine stopped", waiting
    /// ones are aborted. Blocks until the engine thread has finished.
    nonisolated func close() {
        engine.shutdown()
        mailbox.yield(.close)
    }

    var currentLimits: SchedulerLimits { limits }

    /// (running, waiting, most ever running at once).
    func counts() -> (running: Int, waiting: Int, peak: Int) {
        (running, queue.count, peakRunning)
    }

    private func run(_ stream: AsyncStream<SchedulerMessage>) async {
        for await message in stream {
            handle(message)
        }
    }

    private func handle(_ message: SchedulerMessage) {
        switch message {
        case .submit(let core, let spec, let priority):
            guard !closed else {
                core.update { $0.state = .failed; $0.errorMessage = "engine stopped" }
                core.handler.settled(.failure(.message("engine stopped")))
                return
            }
            let entry = Entry(core: core, spec: spec, host: spec.hostKey, priority: priority)
            entries[core.id] = entry
            queue.push(core.id, host: entry.host, priority: priority)
        case .abort(let id):
            apply(id) { $0.abortRequested() }
        case .pause(let id):
            apply(id) { $0.pauseRequested() }
        case .resume(let id):
            apply(id) { $0.resumeRequested() }
        case .setLimits(let global, let perHost):
            limits = SchedulerLimits(global: global ?? limits.global, perHost: perHost ?? limits.perHost)
        case .engine(.finished(let id, let outcome)):
            let retry = shouldRetry(id, outcome)
            apply(id, outcome: outcome) { $0.engineFinished(retry: retry) }
        case .retryDue(let id):
            apply(id) { $0.retryDue() }
        case .engine(.cancelled(let id)):
            apply(id) { $0.engineCancelled() }
        case .close:
            closed = true
            for id in Array(entries.keys) { apply(id) { $0.abortRequested() } }
        }
        pump()
    }

    /// Runs one event through a transfer's state machine and carries out the action.
    private func apply(_ id: UInt64, outcome: TransferOutcome? = nil,
                       _ event: (inout TransferStateMachine) -> TransferStateMachine.Action) {
        guard var entry = entries[id] else { return }
        let wasWaiting = entry.machine.isWaiting
        let action = event(&entry.machine)
        entries[id] = entry
        let core = entry.core
        switch action {
        case .none, .ignored:
            // Held transfers leave the queue and come back at its end.
            if entry.machine.state == .held {
                if wasWaiting { queue.remove(id) }
                core.update { $0.state = .paused }
            } else if entry.machine.state == .queued && !wasWaiting {
                queue.push(id, host: entry.host, priority: entry.priority)
                core.update { $0.state = .queued }
            }
        case .startEngine:
            engine.post(.start(core, entry.spec))
        case .cancelEngine:
            engine.post(.cancel(id))
        case .pauseEngine:
            engine.post(.pause(id))
        case .resumeEngine:
            engine.post(.resume(id))
        case .scheduleRetry:
            release(entry.host)
            scheduleRetry(id, outcome: outcome)
        case .requeue:
            queue.push(id, host: entry.host, priority: entry.priority)
            core.update { $0.state = .queued }
        case .settle(let kind, let releaseSlot):
            if wasWaiting { queue.remove(id) }
            if releaseSlot { release(entry.host) }
            entries[id] = nil
            let result: TransferOutcome = kind == .aborted ? .failure(.aborted) : (outcome ?? .failure(.aborted))
            settle(core, result)
        }
    }

    private func settle(_ core: TransferCore, _ outcome: TransferOutcome) {
        core.update { s in
            s.finishedAt = Date()
            s.bytesPerSecond = 0
            switch outcome {
            case .success(let response):
                s.state = .done
                s.statusCode = response.statusCode
                s.errorMessage = nil
            case .failure(.aborted):
                s.state = .aborted
                s.errorMessage = "aborted"
            case .failure(let failure):
                s.state = .failed
                s.errorMessage = failure.reason
            }
        }
        core.handler.settled(outcome)
    }

    private func shouldRetry(_ id: UInt64, _ outcome: TransferOutcome) -> Bool {
        guard let entry = entries[id], case .failure(let failure) = outcome, failure.isTransient,
              !closed else { return false }
        return entry.core.snapshot().attempt < entry.spec.retry.maxAttempts
    }

    /// Records the failed attempt, picks up where the .part stands, and
    /// wakes the transfer again after the backoff.
    private func scheduleRetry(_ id: UInt64, outcome: TransferOutcome?) {
        guard var entry = entries[id], case .failure(let failure)? = outcome else { return }
        let snapshot = entry.core.snapshot()
        var retryAfter: Double?
        if case .transient(_, let after) = failure { retryAfter = after }
        let delay = entry.spec.retry.delay(after: snapshot.attempt, retryAfter: retryAfter, unit: Double.random(in: 0..<1))
        entry.spec.resume = snapshot.resume
        entries[id] = entry
        let line = "attempt \(snapshot.attempt) failed: \(failure.reason); retrying in \(String(format: "%.1f", delay)) s"
        entry.core.update {
            $0.attempt += 1
            $0.attemptLog.append(line)
            $0.errorMessage = failure.reason
            $0.state = .queued
            $0.bytesPerSecond = 0
        }
        entry.core.resetRate()
        let mailbox = self.mailbox
        Task {
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            mailbox.yield(.retryDue(id))
        }
    }

    /// Starts waiting transfers while there are free slots.
    private func pump() {
        while running < limits.global {
            let perHost = limits.perHost
            guard let next = queue.popNext(canStart: { (runningPerHost[$0] ?? 0) < perHost }) else { return }
            guard var entry = entries[next.id] else { continue }
            let action = entry.machine.slotGranted()
            entries[next.id] = entry
            guard action == .startEngine else { continue }
            running += 1
            runningPerHost[next.host, default: 0] += 1
            peakRunning = max(peakRunning, running)
            engine.post(.start(entry.core, entry.spec))
        }
    }

    private func release(_ host: String) {
        running -= 1
        runningPerHost[host, default: 1] -= 1
        if runningPerHost[host] == 0 { runningPerHost[host] = nil }
    }
}
