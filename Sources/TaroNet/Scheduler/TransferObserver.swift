/// Who hears about one transfer's life and supplies its work: the API's task
/// (`TaskTransfer`) or the manager's row (`TransferManager`). The scheduler
/// calls it on the engine thread, in order, for the transfer it submitted
/// under `tag`. It must return promptly: it runs between curl's callbacks.
protocol TransferObserver: AnyObject, Sendable {
    /// A slot was granted: the live record and the work of this attempt.
    /// `resume` is where the last attempt left the .part (a retry), if anywhere.
    /// nil refuses the start (the request can no longer be made).
    func prepareAttempt(_ tag: UInt64, resume: ResumePoint?) -> TransferAttempt?
    /// The scheduler's state machine moved: what people now see.
    func transfer(_ tag: UInt64, shows state: TransferSnapshot.State)
    /// An attempt failed transiently and another follows after a backoff.
    func transfer(_ tag: UInt64, willRetry failure: TransferFailure, after seconds: Double)
    /// Exactly once, after everything else.
    func transfer(_ tag: UInt64, settled outcome: TransferOutcome)
    /// Its host is cooling down (why, until when), or no longer (nil): it
    /// waits even with a slot free.
    func transfer(_ tag: UInt64, hostWait: HostWait?)
}

extension TransferObserver {
    /// An API task has nobody to show a host's cooldown to.
    func transfer(_ tag: UInt64, hostWait: HostWait?) {}
}

/// One attempt's work: the record the engine writes its live details into,
/// and what to ask of curl.
struct TransferAttempt {
    let core: TransferCore
    let spec: TransferSpec
}

/// A transfer handed to the scheduler. While it waits it is only this, and
/// its place in the queue: who to tell, under which tag, where it goes.
struct TransferSubmission: Sendable {
    let tag: UInt64
    /// scheme://host:port, what per-host limits count against.
    let host: String
    let priority: Int
    let observer: any TransferObserver
    /// Held from the start (a row saved paused): it joins the list without
    /// ever being started, where a pause posted after it could come too late.
    var startsPaused = false
}
