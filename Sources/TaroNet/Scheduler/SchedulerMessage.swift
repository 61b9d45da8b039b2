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
    /// These waiting transfers start in this order, after any other waiting
    /// one (a remote client moved one of them in the queue).
    case requeue([UInt64])
    /// Work handed to the disk worker is done: these transfers ended.
    case diskDone([(UInt64, TransferOutcome)])
}
