/// Hands a FileSink to the finalizing queue. Safe because the engine thread
/// has let go of it: the transfer that wrote it is gone.
struct SinkHandoff: @unchecked Sendable {
    let sink: FileSink
}
