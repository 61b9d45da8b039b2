/// Everything that reaches the scheduler goes through one ordered mailbox:
/// a submit followed by an abort is always seen in that order, and engine
/// events interleave with user requests exactly as they happened.
enum SchedulerMessage: Sendable {
    case submit(TransferCore, TransferSpec, priority: Int)
    case abort(UInt64)
    case pause(UInt64)
    case resume(UInt64)
    case setLimits(global: Int?, perHost: Int?)
    case engine(EngineEvent)
    case retryDue(UInt64)
    case close
}
