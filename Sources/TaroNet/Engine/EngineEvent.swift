/// What the engine tells the scheduler about a transfer it runs: phase
/// events, never a state. Exactly one of `finished` or `cancelled` ends each
/// started transfer.
enum EngineEvent {
    /// Bytes started moving: the final response arrived (after redirects and
    /// 1xx), or an upload's body is being sent. Once per attempt.
    case bytesMoving(UInt64)
    /// The connection is done and only disk work is left (sync, name, record
    /// the offset), whose answer comes later as `finished`. `diskBacklog`:
    /// how many transfers the disk worker holds, this one included.
    case connectionDone(UInt64, diskBacklog: Int)
    case finished(UInt64, TransferOutcome)
    /// Stopped at the scheduler's request.
    case cancelled(UInt64)
}
