/// How a transfer ended, as the engine thread sees it: settled, or a
/// complete file still to be synced and named (done off the engine thread).
enum Completion {
    case done(TransferOutcome)
    case finalize(FileSink, TransferResponse)
}

/// Hands a FileSink to the finalizing queue. Safe because the engine thread
/// has let go of it: the transfer that wrote it is gone.
struct SinkHandoff: @unchecked Sendable {
    let sink: FileSink
}
