/// What every transfer on the engine thread shares: the events waiting to be
/// handed to the scheduler after this round of curl calls, and the disk
/// worker that takes blocking work off the thread. Engine thread only.
final class EngineContext {
    let disk: DiskWorker
    /// DNS, TLS sessions, connections and cookies, common to every handle.
    let share: CurlShare?
    var events: [EngineEvent] = []

    init(disk: DiskWorker, share: CurlShare? = nil) {
        self.disk = disk
        self.share = share
    }
}
