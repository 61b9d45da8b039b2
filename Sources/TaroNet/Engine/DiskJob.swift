/// Blocking disk work the engine thread hands off: it never fsyncs itself.
/// A job owns what it carries: the engine let go of the sink (or holds only
/// the original of a duplicated descriptor), so crossing threads is safe.
enum DiskJob: @unchecked Sendable {
    /// A complete download: sync its data, give the .part its final name,
    /// then report the outcome.
    case finalize(tag: UInt64, sink: FileSink, response: TransferResponse, core: TransferCore)
    /// A transfer that stopped with a resumable .part: sync it, record the
    /// offset it reached, then report the failure.
    case suspend(tag: UInt64, fd: Int32, point: ResumePoint, core: TransferCore, failure: TransferFailure)
    /// A running download's periodic checkpoint: sync, then record the
    /// offset. Nothing to report.
    case checkpoint(fd: Int32, point: ResumePoint, core: TransferCore)

    /// Whether the job ends with an outcome to report (one each).
    var reports: Bool {
        if case .checkpoint = self { return false }
        return true
    }
}
