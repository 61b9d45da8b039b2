import TaroNet

/// What the TUI drives: the queue of transfers behind the screen. The app
/// implements it on top of TaroNet's scheduler; tests use an in-memory one.
///
/// Every method is called on the TUI thread and must return promptly; the
/// work itself happens elsewhere.
public protocol TransferController: AnyObject, Sendable {
    /// Cheap, synchronous, thread-safe. `version` increases whenever anything
    /// visible changed, so an unchanged version means nothing to redraw.
    func snapshot() -> (version: UInt64, items: [TransferSnapshot])
    func queueDownload(url: String, directory: String)
    func queueUpload(filePath: String, url: String, fieldName: String)
    func abort(_ id: UInt64)
    func togglePause(_ id: UInt64)
    func retry(_ id: UInt64)
    /// Removes a finished transfer from the list; its file stays.
    func remove(_ id: UInt64)
    var concurrencyLimit: Int { get }
    func setConcurrencyLimit(_ n: Int)
    /// Called once when the user quits.
    func shutdown()
}
