/// Everything that reaches the scheduler from other threads goes through one
/// ordered inbox, drained on the engine thread: a submit followed by an abort
/// is always seen in that order.
enum SchedulerMessage: Sendable {
    case submit(TransferSubmission)
    /// Many at once (an imported list): one wakeup for all of them.
    case submitAll([TransferSubmission])
    case abort(UInt64)
    case pause(UInt64)
    case resume(UInt64)
    case setLimits(global: Int?, perHost: Int?)
    /// A waiting transfer takes a new place in the queue (the list was reordered).
    case move(UInt64, QueuePlacement)
    /// Work handed to the disk worker is done: these transfers ended.
    case diskDone([(UInt64, TransferOutcome)])
}
