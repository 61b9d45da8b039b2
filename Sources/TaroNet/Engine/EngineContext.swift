/// What every transfer on the engine thread shares: the events waiting to be
/// handed to the scheduler after this round of curl calls, and the disk
/// worker that takes blocking work off the thread. Engine thread only.
final class EngineContext {
    let disk: DiskWorker
    var events: [EngineEvent] = []

    init(disk: DiskWorker) {
        self.disk = disk
    }
}
