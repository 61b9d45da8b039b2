import Foundation

/// Owns policy: the queue, the concurrency slots (global and per host), the
/// retry timers, host cooldowns, rate shares, long pauses and each
/// transfer's state machine, the one writer of its lifecycle. Its executor is the engine thread: engine events arrive as
/// plain calls and its commands reach curl the same way. Other threads reach
/// it through `post` (an ordered inbox) or by awaiting its methods.
actor TransferScheduler {
    struct Entry {
        // Stored fields in this order, the priority as 32 bits, so that an
        // entry is 48 bytes (56 before): a long list keeps one per row.
        let observer: any TransferObserver
        let host: String
        /// What it has from its first start on. Boxed: most entries of a
        /// long list are waiting, and a waiting entry stays a few words.
        var run: Run?
        private let storedPriority: Int32
        var machine = TransferStateMachine()

        var priority: Int { Int(storedPriority) }

        init(observer: any TransferObserver, host: String, priority: Int) {
            self.observer = observer
            self.host = host
            storedPriority = Int32(clamping: priority)
        }
    }

    /// A started transfer's part of its entry.
    final class Run {
        /// The attempt's live record.
        let core: TransferCore
        /// How failed attempts are retried.
        let retry: RetryPolicy
        /// Where the next attempt resumes (set when an attempt fails transiently).
        var resume: ResumePoint?
        /// Which rate limit it counts against.
        let direction: BandwidthShares.Direction
        /// Paused in the engine: when its connection is to be closed.
        var pauseDeadline: UInt64?

        init(core: TransferCore, retry: RetryPolicy, direction: BandwidthShares.Direction) {
            self.core = core
            self.retry = retry
            self.direction = direction
        }
    }

    nonisolated let engine: CurlEngine
    var loop: EngineLoop?
    private var limits: SchedulerLimits
    /// Every transfer submitted and not settled, waiting ones included:
    /// dense, since a long list makes 100,000 of them (see DenseTable).
    var entries = DenseTable<Entry>()
    private var queue = TransferQueue()
    private var running = 0
    private var runningPerHost: [String: Int] = [:]
    /// Each running transfer's rate cap, from its own and the global limits.
    var shares = BandwidthShares()
    /// Hosts that asked for a pause (429/503 Retry-After, refused connections).
    var cooldowns = HostCooldowns()
    /// Transfers paused in the engine, by when their connection is closed.
    var pauseTimers = RetryTimers()
    /// When the running transfers' rates are next judged (`observeRates`).
    var nextRateCheck: UInt64 = 0
    private var peakRunning = 0
    /// Backoffs under way: when each transfer may be queued again.
    private var timers = RetryTimers()
    private var closed = false
    /// One copy of each host key, however many entries wait for that host.
    private var hosts: Set<String> = []

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        engine.executor.asUnownedSerialExecutor()
    }

    init(limits: SchedulerLimits, maxHostConnections: Int = 0) {
        self.limits = limits
        self.engine = CurlEngine(maxHostConnections: maxHostConnections)
        engine.start(self)
    }

    /// Hands a message to the scheduler. After close, a submit is settled at
    /// once as failed ("engine stopped") so that no caller waits forever.
    nonisolated func post(_ message: SchedulerMessage) {
        guard !engine.post(message) else { return }
        switch message {
        case .submit(let s):
            s.observer.transfer(s.tag, settled: .failure(.message("engine stopped")))
        case .submitAll(let all):
            for s in all { s.observer.transfer(s.tag, settled: .failure(.message("engine stopped"))) }
        default:
            break
        }
    }

    /// Stops the engine: running transfers fail with "engine stopped" (their
    /// .part kept where resumable), waiting ones are aborted, retry timers are
    /// dropped, and the engine thread lets go of the scheduler. Blocks until
    /// then, unless called from the engine thread itself.
    nonisolated func close() {
        engine.shutdown()
    }

    var currentLimits: SchedulerLimits { limits }

    var currentRateLimits: RateLimits { shares.limits }

    /// (running, waiting, most ever running at once).
    func counts() -> (running: Int, waiting: Int, peak: Int) {
        (running, queue.count, peakRunning)
    }

    // MARK: called by the engine thread's loop

    func attach(_ loop: EngineLoop) { self.loop = loop }

    /// Shutdown begins: nothing new starts, no backoff fires.
    func beginShutdown() {
        closed = true
        timers.removeAll()
        pauseTimers.removeAll()
    }

    /// The loop is gone: whatever is left is aborted, and the loop released.
    func detach() {
        closed = true
        timers.removeAll()
        loop = nil
        pauseTimers.removeAll()
        for id in entries.ids {
            apply(id) { $0.abortRequested() }
            // A running one would wait for the engine's answer: there is no engine.
            apply(id) { $0.engineCancelled() }
            apply(id, outcome: .failure(.message("engine stopped"))) { $0.engineFinished() }
        }
    }

    func receive(_ messages: [SchedulerMessage]) {
        for message in messages { handle(message) }
        pump()
    }

    func engineEvents(_ events: [EngineEvent]) {
        for event in events { handle(event) }
        pump()
    }

    /// Queues the transfers whose backoff is over, closes the connections of
    /// long pauses, ends host cooldowns; returns when the next one is due.
    func fireTimers(now: UInt64) -> UInt64? {
        let due = timers.popDue(now: now)
        for id in due { apply(id) { $0.retryDue() } }
        let paused = firePauseTimers(now: now)
        let cooled = expireCooldowns(now: now)
        if !due.isEmpty || paused || cooled { pump() }
        let rates = observeRates(now: now)
        return [timers.nextDue, pauseTimers.nextDue, cooldowns.nextDue, rates].compactMap { $0 }.min()
    }

    // MARK: events

    private func handle(_ message: SchedulerMessage) {
        switch message {
        case .submit(let submission):
            submit(submission)
        case .submitAll(let submissions):
            for submission in submissions { submit(submission) }
        case .abort(let id):
            apply(id) { $0.abortRequested() }
        case .pause(let id):
            apply(id) { $0.pauseRequested() }
        case .resume(let id):
            let slotFree = entries[id].map { hasSlot(for: $0.host) } ?? false
            let canSuspend = loop?.canSuspend(id) ?? false
            apply(id) { $0.resumeRequested(slotFree: slotFree, canSuspend: canSuspend) }
        case .setLimits(let global, let perHost):
            limits = SchedulerLimits(global: global ?? limits.global, perHost: perHost ?? limits.perHost,
                                     pauseGrace: limits.pauseGrace)
        case .setRateLimits(let rates):
            shares.setLimits(rates)
            applyShares()
        case .setTransferRate(let id, let bytesPerSecond):
            setOwnRate(id, bytesPerSecond)
        case .requeue(let ids):
            // Only those still waiting in the queue; the old entry is skipped when reached.
            for id in ids {
                guard let entry = entries[id], entry.machine.state == .queued else { continue }
                queue.remove(id)
                queue.push(id, host: entry.host, priority: entry.priority)
            }
        case .diskDone(let results):
            for (id, outcome) in results { finished(id, outcome) }
        }
    }

    private func handle(_ event: EngineEvent) {
        switch event {
        case .bytesMoving(let id):
            apply(id) { $0.bytesMoving() }
        case .connectionDone(let id, let backlog):
            // A bounded number of transfers wait for the disk without a
            // slot (see SchedulerLimits.diskBacklog): a slow disk holds
            // slots back instead of piling up open files.
            apply(id) { $0.connectionDone(releaseSlot: backlog <= limits.diskBacklog) }
        case .finished(let id, let outcome):
            finished(id, outcome)
        case .cancelled(let id):
            apply(id) { $0.engineCancelled() }
        }
    }

    private func submit(_ submission: TransferSubmission) {
        guard !closed else {
            submission.observer.transfer(submission.tag, settled: .failure(.message("engine stopped")))
            return
        }
        let host = hosts.insert(submission.host).memberAfterInsert
        entries[submission.tag] = Entry(observer: submission.observer, host: host, priority: submission.priority)
        queue.push(submission.tag, host: host, priority: submission.priority)
        if submission.startsPaused { apply(submission.tag) { $0.pauseRequested() } }
        if let cooldown = cooldowns.cooldown(host) {
            submission.observer.transfer(submission.tag, hostWait: cooldown.hostWait)
        }
    }

    private func finished(_ id: UInt64, _ outcome: TransferOutcome) {
        // An attempt's own answer (not a suspend's) says how its host is doing.
        let attemptHost = entries[id].flatMap {
            $0.machine.holdsSlot || $0.machine.isPausedInEngine || $0.machine.isFinalizing ? $0.host : nil
        }
        var retry = false
        if let entry = entries[id], case .failure(let failure) = outcome, failure.isTransient, !closed,
           let run = entry.run {
            retry = run.core.snapshot().attempt < run.retry.maxAttempts
        }
        apply(id, outcome: outcome) { $0.engineFinished(retry: retry) }
        // After the machine moved, so the transfer itself hears of its host's cooldown too.
        if let attemptHost { noteHostOutcome(attemptHost, outcome) }
    }

    /// Runs one event through a transfer's state machine and carries out the
    /// action it returns, which says everything that is to be done.
    func apply(_ id: UInt64, outcome: TransferOutcome? = nil,
                       _ event: (inout TransferStateMachine) -> TransferStateMachine.Action) {
        guard var entry = entries[id] else { return }
        let action = event(&entry.machine)
        entries[id] = entry
        let observer = entry.observer
        switch action {
        case .ignored:
            break
        case .enqueue:
            queue.push(id, host: entry.host, priority: entry.priority)
            observer.transfer(id, shows: .queued)
        case .hold(let leaveQueue):
            if leaveQueue { queue.remove(id) }
            observer.transfer(id, shows: .paused)
        case .startEngine:
            start(id, &entry)
        case .pauseEngine:
            loop?.pause(id)
            release(entry.host)
            shares.pause(id)
            applyShares()
            startPauseClock(id)
            observer.transfer(id, shows: .paused)
        case .resumeEngine(let shown, _):
            take(entry.host)
            entry.run?.pauseDeadline = nil
            loop?.resume(id)
            shares.resume(id)
            applyShares()
            observer.transfer(id, shows: shown)
        case .suspendEngine(let shown):
            entry.run?.pauseDeadline = nil
            shares.leave(id)
            loop?.suspend(id)
            observer.transfer(id, shows: shown)
        case .suspended(let enqueue):
            entry.run?.resume = entry.run?.core.snapshot().resume
            if enqueue {
                queue.push(id, host: entry.host, priority: entry.priority)
                observer.transfer(id, shows: .queued)
            } else {
                observer.transfer(id, shows: .paused)
            }
        case .cancelEngine:
            loop?.cancel(id)
        case .show(let state):
            observer.transfer(id, shows: state)
        case .releaseSlot:
            release(entry.host)
            shares.leave(id)
            applyShares()
        case .scheduleRetry(let releaseSlot):
            if releaseSlot { release(entry.host) }
            shares.leave(id)
            applyShares()
            scheduleRetry(id, &entry, outcome: outcome)
        case .settle(let kind, let releaseSlot, let leaveQueue):
            if leaveQueue { queue.remove(id) }
            if releaseSlot { release(entry.host) }
            shares.forget(id)
            applyShares()
            entries[id] = nil
            let result: TransferOutcome = kind == .aborted ? .failure(.aborted) : (outcome ?? .failure(.aborted))
            observer.transfer(id, settled: result)
        }
    }

    /// A slot was granted: ask the observer for the work and hand it to the engine.
    private func start(_ id: UInt64, _ entry: inout Entry) {
        take(entry.host)
        guard let attempt = entry.observer.prepareAttempt(id, resume: entry.run?.resume), let loop else {
            apply(id, outcome: .failure(.message("engine stopped"))) { $0.engineFinished() }
            return
        }
        let direction: BandwidthShares.Direction = attempt.spec.isUpload ? .upload : .download
        entry.run = Run(core: attempt.core, retry: attempt.spec.retry, direction: direction)
        entries[id] = entry
        entry.observer.transfer(id, shows: .connecting)
        loop.start(id, attempt)
        shares.join(id, direction: direction,
                    own: attempt.spec.isUpload ? attempt.spec.maxSendRate : attempt.spec.maxReceiveRate)
        applyShares()
    }

    /// Records the failed attempt, keeps where its .part stands, and wakes
    /// the transfer again after the backoff.
    private func scheduleRetry(_ id: UInt64, _ entry: inout Entry, outcome: TransferOutcome?) {
        guard case .failure(let failure)? = outcome, let run = entry.run else { return }
        let core = run.core
        let snapshot = core.snapshot()
        var retryAfter: Double?
        if case .transient(_, let after) = failure { retryAfter = after }
        let delay = run.retry.delay(after: snapshot.attempt, retryAfter: retryAfter, unit: Double.random(in: 0..<1))
        run.resume = snapshot.resume
        entries[id] = entry
        entry.observer.transfer(id, willRetry: failure, after: delay)
        entry.observer.transfer(id, shows: .queued)
        timers.add(id, due: DispatchTime.now().uptimeNanoseconds + UInt64(delay * 1e9))
    }

    /// Starts waiting transfers while there are free slots.
    func pump() {
        while running < limits.global, loop != nil, !closed {
            let perHost = limits.perHost
            guard let next = queue.popNext(canStart: {
                (runningPerHost[$0] ?? 0) < perHost && !cooldowns.isCooling($0)
            }) else { return }
            apply(next.id) { $0.slotGranted() }
        }
    }

    /// A slot for one more transfer to `host`, within both limits.
    func hasSlot(for host: String) -> Bool {
        running < limits.global && (runningPerHost[host] ?? 0) < limits.perHost
    }

    private func take(_ host: String) {
        running += 1
        runningPerHost[host, default: 0] += 1
        peakRunning = max(peakRunning, running)
    }

    private func release(_ host: String) {
        running -= 1
        runningPerHost[host, default: 1] -= 1
        if runningPerHost[host] == 0 { runningPerHost[host] = nil }
    }
}

