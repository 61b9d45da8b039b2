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
///  finished held       paused  cancelling ──cancelled──▶ finished
///
/// A running transfer that ends goes to finished, or to waitingRetry and
/// then back to queued when its backoff is over.
struct TransferStateMachine: Equatable {
    enum State: Equatable {
        /// In the queue, waiting for a slot.
        case queued
        /// Paused by the user before it ran (or during a backoff): out of the
        /// queue until resumed.
        case held
        /// Given to the engine, no final response yet. Holds a slot.
        case connecting
        /// The final response arrived; the body is moving. Holds a slot.
        case receiving
        /// Paused in the engine; holds its slot. Remembers what it was doing.
        case paused(receiving: Bool)
        /// The engine was told to stop it; waiting for its answer. Holds a slot.
        case cancelling
        /// Failed transiently; waiting out the backoff. No slot, not queued.
        case waitingRetry
        /// Settled; nothing more happens.
        case finished
    }

    enum Action: Equatable {
        /// Put the transfer at the end of the queue; it shows as queued.
        case enqueue
        /// It shows as paused and does not start; take it out of the queue
        /// when `leaveQueue`.
        case hold(leaveQueue: Bool)
        /// Hand it to the engine in the slot just granted; it shows as connecting.
        case startEngine
        /// Pause it in the engine; it shows as paused.
        case pauseEngine
        /// Continue it in the engine; it shows as `show`.
        case resumeEngine(show: TransferSnapshot.State)
        /// Ask the engine to stop it; the answer settles it.
        case cancelEngine
        /// Nothing to do but show a new state (the body started moving).
        case show(TransferSnapshot.State)
        /// Settle it: with the engine's outcome, or as aborted. Free its slot
        /// when `releaseSlot`, take it out of the queue when `leaveQueue`.
        case settle(SettleKind, releaseSlot: Bool, leaveQueue: Bool)
        /// Free its slot and start the backoff timer; it shows as queued.
        case scheduleRetry
        /// The event does not apply in this state; nothing changes.
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
        case .connecting, .receiving, .paused, .cancelling: return true
        default: return false
        }
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
        case .connecting, .receiving, .paused:
            state = .cancelling
            return .cancelEngine
        case .cancelling, .finished:
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
        default:
            return .ignored
        }
    }

    mutating func resumeRequested() -> Action {
        switch state {
        case .held:
            state = .queued
            return .enqueue
        case .paused(let receiving):
            state = receiving ? .receiving : .connecting
            return .resumeEngine(show: receiving ? .active : .connecting)
        default:
            return .ignored
        }
    }

    /// The engine reports the transfer ended by itself (success or failure).
    /// It may cross a cancel in flight: the outcome wins, the cancel is moot.
    mutating func engineFinished(retry: Bool = false) -> Action {
        switch state {
        case .connecting, .receiving, .paused:
            if retry {
                state = .waitingRetry
                return .scheduleRetry
            }
            state = .finished
            return .settle(.outcome, releaseSlot: true, leaveQueue: false)
        case .cancelling:
            state = .finished
            return .settle(.outcome, releaseSlot: true, leaveQueue: false)
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
        guard state == .cancelling else { return .ignored }
        state = .finished
        return .settle(.aborted, releaseSlot: true, leaveQueue: false)
    }
}
