import TaroSync
import Foundation
import Synchronization

/// `taro-tui -i LIST`: streams a URL list into the controller from a thread
/// of its own, in batches, so the screen is live at once and shows the list
/// growing. The app loop reads `progress` each tick.
///
/// Lines that are not http(s) URLs are skipped and counted, not queued as
/// rows that fail: the final message names how many and the first one's
/// line number.
public final class URLImport: Sendable {
    public struct Progress: Sendable, Equatable {
        /// URLs handed to the controller so far.
        public var queued = 0
        /// Non-blank, non-comment lines that are not http(s) URLs.
        public var skipped = 0
        public var firstSkippedLine: Int?
        /// The whole list was read (or reading failed, see `error`).
        public var finished = false
        /// Why reading stopped before the end of the list.
        public var error: String?
    }

    /// URLs per `queueDownloads` call: large enough that the controller's
    /// lock is taken rarely, small enough that rows appear within a tick.
    static let batchSize = 1000

    /// What the list is called in messages.
    public let name: String
    private let state = Locked(Progress())
    private let cancelled = Atomic<Bool>(false)
    /// Held while a batch is being handed over, so `cancel()` can wait for
    /// the one in flight and nothing is queued after it returns.
    private let handover = Locked(())
    /// Used only by the import thread once `start` is called; before that,
    /// only by the initialiser.
    private nonisolated(unsafe) let reader: URLListReader

    /// Opens the list (a path, or "-" for stdin); a bad path throws a
    /// message fit for the command line, before the screen is taken.
    public convenience init(path: String) throws {
        self.init(reader: try URLListReader(path: path))
    }

    init(reader: URLListReader) {
        self.reader = reader
        name = reader.name
    }

    public var progress: Progress { state.withLock { $0 } }

    /// Starts reading on a new thread; each batch goes to `controller`.
    public func start(into controller: any TransferController, directory: String) {
        NamedThread.start("taro-import") { [self] in run(into: controller, directory: directory) }
    }

    /// Stops after the batch in flight; nothing is queued once this returns.
    /// A read blocked on a quiet pipe is left to end with the process.
    public func cancel() {
        cancelled.store(true, ordering: .relaxed)
        handover.withLock { _ in }
    }

    private func run(into controller: any TransferController, directory: String) {
        var batch: [String] = []
        batch.reserveCapacity(Self.batchSize)
        var skipped = 0
        var firstSkipped: Int?
        func flush() {
            handover.withLock { _ in
                guard !cancelled.load(ordering: .relaxed) else { return }
                if !batch.isEmpty { controller.queueDownloads(urls: batch, directory: directory) }
                state.withLock {
                    $0.queued += batch.count
                    $0.skipped = skipped
                    $0.firstSkippedLine = firstSkipped
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        /// A line with a checksum goes on its own, after the batch before it.
        func queueChecked(_ entry: DownloadLine) {
            flush()
            handover.withLock { _ in
                guard !cancelled.load(ordering: .relaxed) else { return }
                controller.queueDownload(url: entry.url, directory: directory, checksum: entry.checksum)
                state.withLock { $0.queued += 1 }
            }
        }
        while !cancelled.load(ordering: .relaxed), let line = reader.next() {
            // A malformed checksum skips its line: never queued unchecked.
            if let entry = try? DownloadLine.parse(line), AppReducer.isWebURL(entry.url) {
                if entry.checksum != nil { queueChecked(entry) } else { batch.append(entry.url) }
            } else {
                skipped += 1
                if firstSkipped == nil { firstSkipped = reader.lineNumber }
            }
            // Hand over a full batch, and whatever is read before waiting
            // for more from a slow pipe.
            if batch.count >= Self.batchSize || !reader.hasBufferedLine { flush() }
        }
        flush()
        let error = reader.readError
        state.withLock {
            $0.finished = true
            $0.error = error
        }
    }

    /// The message for the end of the import, for the status line.
    public static func summary(of progress: Progress, name: String) -> StatusMessage {
        let count = CountFormat.grouped(progress.queued)
        let noun = progress.queued == 1 ? "URL" : "URLs"
        var text: String
        if let error = progress.error {
            text = "Import from \(name) stopped after \(count) \(noun): \(error)."
        } else {
            text = "Imported \(count) \(noun) from \(name)."
        }
        if progress.skipped > 0 {
            let lines = progress.skipped == 1 ? "line that is not an http(s) URL" : "lines that are not http(s) URLs"
            text += " Skipped \(CountFormat.grouped(progress.skipped)) \(lines)"
            if let line = progress.firstSkippedLine { text += " (first: line \(line))" }
            text += "."
        }
        let clean = progress.error == nil && progress.skipped == 0
        return StatusMessage(text, kind: clean ? .info : .error)
    }
}
