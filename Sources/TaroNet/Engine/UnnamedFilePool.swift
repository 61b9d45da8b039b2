import CSystem
import Glibc
import TaroSync

/// Unnamed files (O_TMPFILE) opened ahead of need in the directory downloads
/// go to now. The disk worker opens them between its batches, so a starting
/// download takes one instead of allocating an inode on the engine thread,
/// where the time would delay every other transfer. A file taken is the same
/// as one opened on the spot: nothing shows in the directory until it is
/// linked, and one closed unlinked leaves nothing behind.
final class UnnamedFilePool: Sendable {
    private struct Ready {
        /// The directory the last download asked for: only its files are kept.
        var directory = ""
        /// The last two downloads asked for the same directory: worth keeping
        /// files ready there (a directory used once, such as a private
        /// temporary one per download, costs nothing ahead).
        var repeated = false
        var files: [Int32] = []
        /// A directory where unnamed files cannot be opened: not tried again.
        var refused = ""
        var closed = false
    }

    /// How many are kept ready: a slot's worth for the usual `-j`.
    static let depth = 16
    private let ready = Locked(Ready())
    /// Tells the disk worker the pool ran low.
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) {
        self.wake = wake
    }

    /// A ready file in `directory`, or nil: the caller opens its own. Asking
    /// for another directory makes that one the directory kept ready.
    func take(in directory: String) -> Int32? {
        let (file, stale, low) = ready.withLock { r -> (Int32?, [Int32], Bool) in
            var stale: [Int32] = []
            r.repeated = r.directory == directory
            if !r.repeated {
                stale = r.files
                r.files = []
                r.directory = directory
            }
            let file = r.files.popLast()
            return (file, stale, r.repeated && !r.closed && r.refused != directory && r.files.count < Self.depth / 2)
        }
        for fd in stale { close(fd) }
        if low { wake() }
        return file
    }

    /// Opens files until the pool is full again. On the disk worker's thread.
    func refill() {
        let (directory, missing) = ready.withLock { r -> (String, Int) in
            guard !r.closed, r.repeated, r.refused != r.directory else { return ("", 0) }
            return (r.directory, Self.depth - r.files.count)
        }
        guard missing > 0 else { return }
        var opened: [Int32] = []
        for _ in 0..<missing {
            let fd = taro_open_unnamed(directory, 0o644)
            guard fd >= 0 else { break }
            opened.append(fd)
        }
        let unwanted = ready.withLock { r -> [Int32] in
            if opened.isEmpty, r.directory == directory { r.refused = directory }
            guard !r.closed, r.directory == directory else { return opened }
            r.files += opened
            return []
        }
        for fd in unwanted { close(fd) }
    }

    /// Closes what is ready and opens no more.
    func closeAll() {
        let files = ready.withLock { r -> [Int32] in
            r.closed = true
            defer { r.files = [] }
            return r.files
        }
        for fd in files { close(fd) }
    }
}
