/// What other threads ask of the engine thread. Posting is the only way in:
/// every curl call happens on the engine thread.
enum EngineCommand: Sendable {
    case start(TransferCore, TransferSpec)
    /// Stop a transfer now. Answered by `.cancelled` unless it already finished.
    case cancel(UInt64)
    case pause(UInt64)
    case resume(UInt64)
    case setReceiveRate(UInt64, Int64)
}
