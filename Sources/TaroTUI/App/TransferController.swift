import TaroNet

/// What the TUI drives: the queue of transfers behind the screen. The app
/// implements it on top of TaroNet's transfer manager; tests use an
/// in-memory one.
///
/// Every method is called on the TUI thread and must return promptly; the
/// work itself happens elsewhere. `queueDownloads` is also called from the
/// thread that imports a list, so every method must be thread-safe.
public protocol TransferController: AnyObject, Sendable {
    /// What changed since `version` (0: everything), plus totals over the
    /// whole list. The reader keeps its own rows and applies these (see
    /// `TransferRows.apply`). Cheap and synchronous: when nothing changed
    /// it answers an empty change, whatever the length of the list.
    func changes(since version: UInt64) -> TransferChanges
    /// `checksum`: what the finished file must hash to, if the user said.
    func queueDownload(url: String, directory: String, checksum: Checksum?)
    /// Sends `headers` with the request (a pasted curl command's).
    func queueDownload(url: String, directory: String, headers: [String: String])
    /// Queues many downloads in one call: an imported list in batches, a paste.
    func queueDownloads(urls: [String], directory: String)
    func queueUpload(filePath: String, url: String, fieldName: String)
    func abort(_ id: UInt64)
    func togglePause(_ id: UInt64)
    func retry(_ id: UInt64)
    /// Moves a waiting transfer in the queue the scheduler follows.
    func move(_ id: UInt64, _ move: QueueMove)
    /// Removes a finished transfer from the list; its file stays.
    func remove(_ id: UInt64)
    var concurrencyLimit: Int { get }
    func setConcurrencyLimit(_ n: Int)
    /// The bandwidth shared by all running transfers (0: none), live.
    var rateLimits: RateLimits { get }
    func setRateLimits(_ limits: RateLimits)
    /// One transfer's own cap, in its direction (0: none), live.
    func setRateLimit(_ id: UInt64, bytesPerSecond: Int64)
    /// Called once when the user quits.
    func shutdown()
}
