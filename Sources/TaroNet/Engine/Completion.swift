/// How a transfer ended, as the engine thread sees it: settled, or a
/// complete file still to be synced and named (done off the engine thread).
enum Completion {
    case done(TransferOutcome)
    case finalize(FileSink, TransferResponse)
}
