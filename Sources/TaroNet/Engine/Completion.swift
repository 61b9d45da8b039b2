/// How a transfer ended, as the engine thread sees it. Only `done` is
/// reported at once; the others are finished by the disk worker, which
/// reports them once the file is synced.
enum Completion {
    case done(TransferOutcome)
    /// A complete file: sync it and give it its final name.
    case finalize(FileSink, TransferResponse)
    /// A resumable .part: sync it up to `point`, record that, then fail with `failure`.
    case suspend(fd: Int32, point: ResumePoint, failure: TransferFailure)
}
