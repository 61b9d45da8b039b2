import Glibc

/// Reads URLs one per line from a file or stdin, a block at a time, so a
/// list of a million URLs is never held in memory at once. Blank lines and
/// lines starting with # are skipped; each line is trimmed.
///
/// Reads with read(2) rather than FileHandle: a pipe fed slowly (`producer
/// | taro-tui -i -`) must give up what it has at once, and `hasBufferedLine`
/// lets a caller hand over what it read before blocking for more.
package final class URLListReader {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var block = [UInt8](repeating: 0, count: URLListReader.blockSize)
    private var start = 0
    private var finished = false
    /// The number of the line `next()` returned last, counting every line.
    package private(set) var lineNumber = 0
    /// Why reading stopped early, when it did (the lines before it were read).
    private(set) var readError: String?
    /// What the list is called in messages: its path, or "stdin".
    let name: String

    static let blockSize = 64 * 1024
    /// No URL is longer: a "line" past this is a file that is no list.
    static let maximumLine = 1 << 20

    /// Opens `path`, or stdin for "-". A missing, unreadable or directory
    /// path is refused here, before anything is queued.
    init(path: String) throws {
        if path == "-" {
            fd = STDIN_FILENO
            ownsDescriptor = false
            name = "stdin"
            return
        }
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else {
            throw UsageError(description: "cannot read URL list \(path): \(Self.reason(errno))")
        }
        var info = stat()
        if fstat(opened, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw UsageError(description: "cannot read URL list \(path): it is a directory")
        }
        fd = opened
        ownsDescriptor = true
        name = path
    }

    /// Reads from an open descriptor the reader does not close (tests: a pipe).
    package init(descriptor: Int32, name: String) {
        fd = descriptor
        ownsDescriptor = false
        self.name = name
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// True when the next line is already in memory: `next()` will not wait.
    var hasBufferedLine: Bool {
        buffer[start...].contains(0x0A) || (finished && start < buffer.count)
    }

    /// The next URL, nil at the end of the list (or at a read error).
    package func next() -> String? {
        while true {
            let newline = buffer[start...].firstIndex(of: 0x0A)
            if (newline ?? buffer.count) - start > Self.maximumLine {
                // Looking on for a newline would hold the whole file (or,
                // from /dev/zero, all memory): stop here and say why.
                readError = "line \(lineNumber + 1) is longer than \(Self.maximumLine >> 20) MiB: "
                    + "no URL is that long, so this is not a list of URLs"
                finished = true
                buffer = []
                start = 0
                return nil
            }
            if let newline {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                if let url = Self.url(in: line) { return url }
                continue
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return Self.url(in: line)
            }
            buffer.removeFirst(start)
            start = 0
            fill()
        }
    }

    private func fill() {
        // Into a block kept for the reader's life, then only what came is
        // copied: growing `buffer` by a zeroed block on every read cost a
        // block's worth of work per read however little arrived.
        var got = 0
        repeat {
            got = block.withUnsafeMutableBytes { read(fd, $0.baseAddress!, Self.blockSize) }
        } while got < 0 && errno == EINTR
        if got < 0 { readError = Self.reason(errno) }
        if got > 0 { buffer.append(contentsOf: block[0..<got]) }
        if got <= 0 { finished = true }
    }

    /// The trimmed line, nil for a blank line or a # comment.
    private static func url(in line: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: line, as: UTF8.self).trimmingWhitespace()
        return text.isEmpty || text.hasPrefix("#") ? nil : text
    }

    private static func reason(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
