/// One transfer's life as the scheduler sees it. Events are `mutating`
/// functions that return the `Action` the scheduler must carry out, so the
/// rules can be tested without a network.
///
///     queued ──start──▶ running ⇄ paused
///       │  ╲              │  ╲       │
///     abort pause       finish abort  abort
///       ▼    ▼            ▼    ▼       ▼
///  finished held       finished cancelling ──cancelled──▶ finished
struct TransferStateMachine: Equatable {
    enum State: Equatable {
        /// Waiting for a slot.
        case queued
        /// Waiting, but paused by the user: not started until resumed.
        case held
        /// Given to the engine; holds a slot.
        case running
        /// Paused in the engine; still holds its slot.
        case paused
        /// The engine was told to stop it; waiting for its answer.
        case cancelling
        /// Failed transiently; waiting out the backoff before queueing again.
        case waitingRetry
        /// Settled; nothing more happens.
        case finished
    }

    enum Action: Equatable {
        case none
        case startEngine
        case cancelEngine
        case pauseEngine
        case resumeEngine
        /// Settle the task with this outcome; `releaseSlot` when it held one.
        case settle(SettleKind, releaseSlot: Bool)
        /// Free the slot and start the backoff timer.
        case scheduleRetry
        /// Put the transfer back in the queue.
        case requeue
        /// Tell the caller its request did not apply in this state.
        case ignored
    }

    enum SettleKind: Equatable {
        case outcome
        case aborted
    }

    private(set) var state: State = .queued

    /// Whether the transfer occupies a concurrency slot.
    var holdsSlot: Bool { state == .running || state == .paused || state == .cancelling }
    var isWaiting: Bool { state == .queued }

    mutating func slotGranted() -> Action {
        guard state == .queued else { return .ignored }
        state = .running
        return .startEngine
    }

    mutating func abortRequested() -> Action {
        switch state {
        case .queued, .held, .waitingRetry:
            state = .finished
            return .settle(.aborted, releaseSlot: false)
        case .running, .paused:
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
            return .none
        case .running:
            state = .paused
            return .pauseEngine
        case .waitingRetry:
            state = .held
            return .none
        default:
            return .ignored
        }
    }

    mutating func resumeRequested() -> Action {
        switch state {
        case .held:
            state = .queued
            return .none
        case .paused:
            state = .running
            return .resumeEngine
        default:
            return .ignored
        }
    }

    /// The engine reports the transfer ended by itself (success or failure).
    /// It may cross a cancel in flight: the outcome wins, the cancel is moot.
    mutating func engineFinished(retry: Bool = false) -> Action {
        switch state {
        case .running, .paused:
            if retry {
                state = .waitingRetry
                return .scheduleRetry
            }
            state = .finished
            return .settle(.outcome, releaseSlot: true)
        case .cancelling:
            state = .finished
            return .settle(.outcome, releaseSlot: true)
        default:
            return .ignored
        }
    }

    /// The backoff is over.
    mutating func retryDue() -> Action {
        guard state == .waitingRetry else { return .ignored }
        state = .queued
        return .requeue
    }

    /// The engine confirms it stopped the transfer at our request.
    mutating func engineCancelled() -> Action {
        guard state == .cancelling else { return .ignored }
        state = .finished
        return .settle(.aborted, releaseSlot: true)
    }
}
