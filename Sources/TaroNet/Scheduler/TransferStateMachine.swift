/// One transfer's life as the scheduler sees it: the only writer of its
/// lifecycle state. Events are `mutating` functions returning the `Action`
/// the scheduler must carry out; each action says everything to do (queue
/// membership, slot, engine command, the state people now see), so the
/// scheduler never reads the machine back to decide.
///
///     queued ──slot──▶ connecting ──headers──▶ receiving
///       │  ╲              │   ╲                  │   ╲
///     abort pause       pause abort            pause abort
///       ▼     ▼           ▼     ▼                ▼     ▼
///  finished held ◀──┐  paused ─long─▶ suspending   cancelling ──cancelled──▶ finished
///                   └──────────────────────┘
///
///     connecting / receiving / paused ──connection done──▶ finalizing ──finished──▶ finished
///
/// A paused transfer gives its slot back at once, so the next waiting one
/// starts; paused for longer than the grace, its connection is closed
/// (suspending) and it continues later with a ranged request. A running
/// transfer that ends goes to finished, or to waitingRetry and then back
/// to queued when its backoff is over. A download whose body is complete
/// gives its slot back before its file is synced and named (finalizing):
/// the next transfer does not wait for the disk.
struct TransferStateMachine: Equatable {
    enum State: Equatable {
        /// In the queue, waiting for a slot.
        case queued
        /// Paused by the user while it had no connection: out of the queue
        /// until resumed.
        case held
        /// Given to the engine, no final response yet. Holds a slot.
        case connecting
        /// The final response arrived; the body is moving. Holds a slot.
        case receiving
        /// Paused in the engine, connection open, no slot. Remembers what it was doing.
        case paused(receiving: Bool)
        /// The engine was told to close its connection and keep the .part;
        /// waiting for its answer, then `then`. No slot.
        case suspending(then: AfterSuspend)
        /// The engine was told to stop it; waiting for its answer. Holds a
        /// slot when it was running (not when paused).
        case cancelling(holdsSlot: Bool)
        /// The connection is done (a complete body); the disk worker is
        /// syncing and naming the file, and its answer settles it. Holds a
        /// slot only when too many were finalizing already (`holdsSlot`).
        case finalizing(holdsSlot: Bool)
        /// Failed transiently; waiting out the backoff. No slot, not queued.
        case waitingRetry
        /// Settled; nothing more happens.
        case finished
    }

    /// What a suspended transfer does once its connection is closed.
    enum AfterSuspend: Equatable {
        case hold
        case queue
        case abort
    }

    enum Action: Equatable {
        /// Put the transfer at the end of the queue; it shows as queued.
        case enqueue
        /// It shows as paused and does not start; take it out of the queue
        /// when `leaveQueue`.
        case hold(leaveQueue: Bool)
        /// Hand it to the engine in the slot just granted; it shows as connecting.
        case startEngine
        /// Pause it in the engine and give its slot back (the next waiting
        /// one may start); its share of a rate limit goes to the others; it
        /// shows as paused, and the long-pause clock starts.
        case pauseEngine
        /// Continue it in the engine, taking a slot again (over the limit
        /// when `overLimit`: it could not be suspended to wait for one); it
        /// shows as `show`.
        case resumeEngine(show: TransferSnapshot.State, overLimit: Bool)
        /// Close its connection, keeping the .part and its offset; it shows
        /// as `show` meanwhile (paused, or queued when resumed without a slot).
        case suspendEngine(show: TransferSnapshot.State)
        /// The connection is closed and the .part durable: continue later
        /// from there; queue it when `enqueue` (shows queued), else it shows paused.
        case suspended(enqueue: Bool)
        /// Ask the engine to stop it; the answer settles it.
        case cancelEngine
        /// Nothing to do but show a new state.
        case show(TransferSnapshot.State)
        /// Settle it: with the engine's outcome, or as aborted. Free its slot
        /// when `releaseSlot`, take it out of the queue when `leaveQueue`.
        case settle(SettleKind, releaseSlot: Bool, leaveQueue: Bool)
        /// Start the backoff timer, freeing its slot when `releaseSlot`; it shows as queued.
        case scheduleRetry(releaseSlot: Bool)
        /// Its connection is done and only disk work remains: free its slot
        /// (the next waiting one may start) and its share of a rate limit.
        case releaseSlot
        /// The event does not apply in this state, or only the engine's
        /// answer matters now; nothing to do.
        case ignored
    }

    enum SettleKind: Equatable {
        case outcome
        case aborted
    }

    private(set) var state: State = .queued

    /// Whether the transfer occupies a concurrency slot.
    var holdsSlot: Bool {
        switch state {
        case .connecting, .receiving, .cancelling(holdsSlot: true), .finalizing(holdsSlot: true): return true
        default: return false
        }
    }

    /// Whether it is paused with its connection open (the long-pause clock runs).
    var isPausedInEngine: Bool {
        if case .paused = state { return true }
        return false
    }

    /// Whether the engine ended its attempt and only the disk worker's
    /// answer is awaited.
    var isFinalizing: Bool {
        if case .finalizing = state { return true }
        return false
    }

    mutating func slotGranted() -> Action {
        guard state == .queued else { return .ignored }
        state = .connecting
        return .startEngine
    }

    /// Bytes started moving: the final response arrived, or an upload body is being sent.
    mutating func bytesMoving() -> Action {
        switch state {
        case .connecting:
            state = .receiving
            return .show(.active)
        case .paused(receiving: false):
            state = .paused(receiving: true)
            return .ignored
        default:
            return .ignored
        }
    }

    mutating func abortRequested() -> Action {
        switch state {
        case .queued:
            state = .finished
            return .settle(.aborted, releaseSlot: false, leaveQueue: true)
        case .held, .waitingRetry:
            state = .finished
            return .settle(.aborted, releaseSlot: false, leaveQueue: false)
        case .connecting, .receiving:
            state = .cancelling(holdsSlot: true)
            return .cancelEngine
        case .paused:
            state = .cancelling(holdsSlot: false)
            return .cancelEngine
        case .suspending:
            state = .suspending(then: .abort)
            return .ignored
        case .cancelling, .finished:
            return .ignored
        case .finalizing:
            // Every byte is here and the file is being named: the outcome wins,
            // as it does when an abort crosses the engine's answer.
            return .ignored
        }
    }

    mutating func pauseRequested() -> Action {
        switch state {
        case .queued:
            state = .held
            return .hold(leaveQueue: true)
        case .waitingRetry:
            state = .held
            return .hold(leaveQueue: false)
        case .connecting:
            state = .paused(receiving: false)
            return .pauseEngine
        case .receiving:
            state = .paused(receiving: true)
            return .pauseEngine
        case .suspending(then: .queue):
            state = .suspending(then: .hold)
            return .show(.paused)
        default:
            return .ignored
        }
    }

    /// Paused past the grace: close the connection when the engine can
    /// continue it later with a ranged request (`canSuspend`).
    mutating func pauseExpired(canSuspend: Bool) -> Action {
        guard case .paused = state, canSuspend else { return .ignored }
        state = .suspending(then: .hold)
        return .suspendEngine(show: .paused)
    }

    /// Resume: a transfer paused in the engine needs a slot again. Without
    /// one (`slotFree` false) it closes its connection and queues, when it
    /// can (`canSuspend`); otherwise it goes on over the limit rather than
    /// lose what it has.
    mutating func resumeRequested(slotFree: Bool = true, canSuspend: Bool = false) -> Action {
        switch state {
        case .held:
            state = .queued
            return .enqueue
        case .paused(let receiving):
            if !slotFree && canSuspend {
                state = .suspending(then: .queue)
                return .suspendEngine(show: .queued)
            }
            state = receiving ? .receiving : .connecting
            return .resumeEngine(show: receiving ? .active : .connecting, overLimit: !slotFree)
        case .suspending(then: .hold):
            state = .suspending(then: .queue)
            return .show(.queued)
        default:
            return .ignored
        }
    }

    /// The engine reports the transfer ended by itself (success or failure),
    /// or answers a suspend. It may cross a cancel in flight: the outcome
    /// wins, the cancel is moot.
    mutating func engineFinished(retry: Bool = false) -> Action {
        switch state {
        case .connecting, .receiving, .paused:
            let slot = holdsSlot
            if retry {
                state = .waitingRetry
                return .scheduleRetry(releaseSlot: slot)
            }
            state = .finished
            return .settle(.outcome, releaseSlot: slot, leaveQueue: false)
        case .cancelling(let slot):
            state = .finished
            return .settle(.outcome, releaseSlot: slot, leaveQueue: false)
        case .finalizing(let slot):
            if retry {
                state = .waitingRetry
                return .scheduleRetry(releaseSlot: slot)
            }
            state = .finished
            return .settle(.outcome, releaseSlot: slot, leaveQueue: false)
        case .suspending(.hold):
            state = .held
            return .suspended(enqueue: false)
        case .suspending(.queue):
            state = .queued
            return .suspended(enqueue: true)
        case .suspending(.abort):
            state = .finished
            return .settle(.aborted, releaseSlot: false, leaveQueue: false)
        default:
            return .ignored
        }
    }

    /// The engine is done with the connection (a complete body went to be
    /// synced and named). The slot goes back at once when `releaseSlot`
    /// (the scheduler bounds how many may finalize without one); a cancel
    /// in flight gives its slot back too, and the outcome will win.
    mutating func connectionDone(releaseSlot: Bool = true) -> Action {
        switch state {
        case .connecting, .receiving:
            state = .finalizing(holdsSlot: !releaseSlot)
            return releaseSlot ? .releaseSlot : .ignored
        case .paused:
            // No slot to give back; the pause clock finds nothing to close.
            state = .finalizing(holdsSlot: false)
            return .ignored
        case .cancelling(holdsSlot: true):
            state = .cancelling(holdsSlot: false)
            return .releaseSlot
        default:
            return .ignored
        }
    }

    /// The backoff is over.
    mutating func retryDue() -> Action {
        guard state == .waitingRetry else { return .ignored }
        state = .queued
        return .enqueue
    }

    /// The engine confirms it stopped the transfer at our request.
    mutating func engineCancelled() -> Action {
        guard case .cancelling(let slot) = state else { return .ignored }
        state = .finished
        return .settle(.aborted, releaseSlot: slot, leaveQueue: false)
    }
}
