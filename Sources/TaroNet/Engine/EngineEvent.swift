/// What the engine tells the scheduler. Exactly one of these ends each
/// started transfer.
enum EngineEvent: Sendable {
    case finished(UInt64, TransferOutcome)
    case cancelled(UInt64)
}
