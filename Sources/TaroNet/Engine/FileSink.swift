import CSystem
import Glibc

/// A download's file: written to `NAME.part` (through a BlockWriter) and
/// given its final name only when complete, never replacing an existing
/// file. Lives on the engine thread until it is handed to be finalized.
///
/// A fresh download starts in a file with no name (O_TMPFILE) when nothing
/// is under the .part's name: a small one is linked straight to its final
/// name once synced — one directory operation, where creating the .part and
/// renaming it take two. It is named as the .part the moment a .part must
/// exist: a body that is large or of unknown length, a checkpoint or a
/// suspend (whose offset is recorded for the .part), a failed check.
final class FileSink {
    /// May change once the server names the file (see EasyTransfer.adoptServerName).
    var finalPath: String
    let partPath: String
    /// Take "name-1.ext", "name-2.ext"… when the final name is taken.
    let numberOnConflict: Bool
    private(set) var fd: Int32 = -1
    private var writer: BlockWriter?
    /// Hashes what is written, for the check before the final name.
    let digest: StreamDigest
    /// The .part is ours to delete: this sink created it, or opened it to resume.
    /// A file refused at open (a planted symlink, someone else's) is never touched.
    private var owned = false
    /// The data is in a file with no name yet (see the type's comment).
    private(set) var unnamed = false

    /// Bodies up to this length stay unnamed until their final name; a
    /// longer one is named as the .part at once, to be seen and resumed.
    static let unnamedLimit: Int64 = 256 << 10

    /// Unnamed files are linked through /proc/self/fd: without it, every
    /// download takes the .part path.
    private static let canNameUnnamed = access("/proc/self/fd", F_OK) == 0

    /// Unnamed files opened ahead by the disk worker, taken before opening one here.
    private let unnamedFiles: UnnamedFilePool?

    init(finalPath: String, numberOnConflict: Bool = false, checksum: Checksum? = nil,
         unnamedFiles: UnnamedFilePool? = nil) {
        self.unnamedFiles = unnamedFiles
        self.finalPath = finalPath
        self.digest = StreamDigest(expected: checksum.map { [$0] } ?? [])
        self.numberOnConflict = numberOnConflict
        self.partPath = finalPath + ".part"
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Why the last write failed, in words ("No space left on device").
    var failure: String? { writer?.failure }

    /// Creates the .part. O_EXCL|O_NOFOLLOW: a planted file or symlink
    /// under that name is refused, never followed or truncated.
    func open() throws(TransferFailure) {
        if !numberOnConflict, access(finalPath, F_OK) == 0 {
            throw .message("file exists: \(finalPath)")
        }
        if openUnnamed() { return }
        fd = Glibc.open(partPath, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 {
            let err = errno
            if err == EEXIST {
                throw .message("partial file exists: \(partPath)")
            }
            throw .message("cannot create \(partPath): \(String(cString: strerror(err)))")
        }
        adopt(at: 0)
    }

    private func adopt(at offset: Int64) {
        owned = true
        writer = BlockWriter(fd: fd, position: offset)
    }

    /// Opens a file with no name in the .part's directory, when nothing is
    /// under the .part's name (anything there, a planted link included,
    /// takes the path that refuses or reuses it) and it can be named later.
    private func openUnnamed() -> Bool {
        guard Self.canNameUnnamed else { return false }
        var st = stat()
        guard lstat(partPath, &st) != 0, errno == ENOENT else { return false }
        let parent = PathText.directory(partPath)
        let directory = parent.isEmpty ? "." : parent
        let descriptor = unnamedFiles?.take(in: directory) ?? taro_open_unnamed(directory, 0o644)
        guard descriptor >= 0 else { return false }
        fd = descriptor
        unnamed = true
        writer = BlockWriter(fd: fd, position: 0)
        return true
    }

    /// Gives an unnamed file its .part name, now that one must exist. False
    /// when that fails (something took the name meanwhile): it stays unnamed.
    @discardableResult
    func nameAsPart() -> Bool {
        guard unnamed else { return true }
        guard UnnamedLink.link(fd, to: partPath) == 0 else { return false }
        unnamed = false
        owned = true
        return true
    }

    /// The final response said how long the body is: a long one, or one of
    /// unknown length, is named as the .part now, where it can be seen
    /// growing and resumed. Throws when the name is taken.
    func nameUnlessSmall(bodyLength: Int64?) throws(TransferFailure) {
        guard unnamed else { return }
        if let bodyLength, bodyLength <= Self.unnamedLimit { return }
        guard nameAsPart() else {
            let err = errno
            if err == EEXIST { throw .message("partial file exists: \(partPath)") }
            throw .message("cannot create \(partPath): \(String(cString: strerror(err)))")
        }
    }

    /// Opens a .part to continue at `offset` (or less, if the file is
    /// shorter: its bytes are still good). O_NOFOLLOW and fstat: a planted
    /// symlink or anything but a regular file is refused. A longer file is cut
    /// back to `offset`, so nothing past the verified point is ever kept.
    /// With `keepLength` (segmented) the file is left as it is. Returns the
    /// offset writing continues at; a missing .part starts over at 0.
    func open(resumingAt offset: Int64, keepLength: Bool = false) throws(TransferFailure) -> Int64 {
        // Usually there is no .part yet: start without one, or create it.
        if !keepLength, openUnnamed() { return 0 }
        fd = Glibc.open(partPath, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd >= 0 {
            adopt(at: 0)
            return 0
        }
        fd = Glibc.open(partPath, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let err = errno
            if err == ENOENT {
                try open()
                return 0
            }
            if err == ELOOP { throw .message("refusing \(partPath): it is a symbolic link") }
            throw .message("cannot open \(partPath): \(String(cString: strerror(err)))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            fd = -1
            throw .message("refusing \(partPath): not a regular file")
        }
        if keepLength {
            adopt(at: offset)
            return offset
        }
        let usable = min(offset, Int64(st.st_size))
        guard ftruncate(fd, off_t(usable)) == 0 else {
            throw .message("cannot resume \(partPath): \(String(cString: strerror(errno)))")
        }
        adopt(at: usable)
        digest.hashPrefix(fd: fd, length: usable)
        return usable
    }

    /// Moves where sequential writes go (a resumed range in the middle).
    func seek(to offset: Int64) throws(TransferFailure) {
        guard let writer, writer.flush() else {
            throw .message("write \(partPath): \(failure ?? "error")")
        }
        writer.reset(to: offset)
    }

    /// The server sent the whole file after all: forget what was there.
    func restartFromZero() throws(TransferFailure) {
        writer?.reset(to: 0)
        digest.restart()
        guard ftruncate(fd, 0) == 0 else {
            throw .message("cannot truncate \(partPath): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes out what it can and returns a duplicate descriptor to sync
    /// from another thread (the engine may close its own meanwhile), or nil.
    func prepareSync() -> Int32? {
        // What is synced now is what a resume continues: it needs the name.
        guard fd >= 0, nameAsPart() else { return nil }
        _ = flushBuffered()
        let copy = dup(fd)
        return copy >= 0 ? copy : nil
    }

    /// The end of what has really been written (a failed write is not counted).
    var writtenEnd: Int64 { writer?.position ?? 0 }

    /// The response's Content-Length: the write buffer is sized by it.
    func expectBody(length: Int64) {
        writer?.expect(remaining: length)
    }

    /// Accepts bytes from curl's write callback. Returns false on a disk error.
    func write(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        guard let writer else { return false }
        digest.feed(bytes, count: count, at: writer.end)
        return writer.write(bytes, count: count)
    }

    /// Checks the flushed file against every expected digest; returns what
    /// was verified ("sha256"), nil when nothing was expected.
    func verify() throws(TransferFailure) -> String? {
        // Nothing expected: no need to ask the file its size (one syscall a file).
        guard !digest.expected.isEmpty else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw .message("cannot check \(partPath): \(String(cString: strerror(errno)))")
        }
        return try digest.verify(fd: fd, size: Int64(st.st_size))
    }

    /// Closes the .part and leaves it where it is, for a person to inspect
    /// (a file that failed its checksum).
    func keepForInspection() {
        if unnamed { nameAsPart() }
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        owned = false
    }

    /// Writes out what is buffered.
    func flushBuffered() -> Bool { writer?.flush() ?? false }

    /// Writes out what is buffered, before the file is synced.
    func flushForSync() throws(TransferFailure) {
        guard flushBuffered() else { throw .message("write \(partPath): \(failure ?? "error")") }
    }

    /// Closes the synced .part and links it to its final name. The link
    /// fails with EEXIST rather than replace a file that appeared meanwhile.
    func linkFinalName() throws(TransferFailure) {
        if unnamed { return try linkUnnamed() }
        close(fd)
        fd = -1
        let attempts = numberOnConflict ? 1000 : 1
        for n in 0..<attempts {
            let candidate = n == 0 ? finalPath : Self.numbered(finalPath, n)
            if Self.moveWithoutReplacing(partPath, to: candidate) {
                finalPath = candidate
                owned = false
                return
            }
            if errno != EEXIST { break }
        }
        let err = errno
        if err == EEXIST { throw .message("file exists: \(finalPath)") }
        // Filesystems without hard links: rename, after checking once more.
        if access(finalPath, F_OK) == 0 { throw .message("file exists: \(finalPath)") }
        if rename(partPath, finalPath) != 0 {
            throw .message("rename to \(finalPath): \(String(cString: strerror(errno)))")
        }
        owned = false
    }

    /// Links the synced unnamed file to its final name (numbered when taken
    /// and allowed), then closes it. Nothing was ever under another name.
    private func linkUnnamed() throws(TransferFailure) {
        let attempts = numberOnConflict ? 1000 : 1
        var err: Int32 = 0
        for n in 0..<attempts {
            let candidate = n == 0 ? finalPath : Self.numbered(finalPath, n)
            if UnnamedLink.link(fd, to: candidate) == 0 {
                finalPath = candidate
                close(fd)
                fd = -1
                unnamed = false
                return
            }
            err = errno
            if err != EEXIST { break }
        }
        if err == EEXIST { throw .message("file exists: \(finalPath)") }
        throw .message("cannot link \(finalPath): \(String(cString: strerror(err)))")
    }

    /// Gives `from` the name `to` unless `to` exists (errno EEXIST then).
    private static func moveWithoutReplacing(_ from: String, to: String) -> Bool {
        if taro_rename_noreplace(from, to) == 0 { return true }
        guard errno == EINVAL || errno == ENOSYS else { return false }
        // No RENAME_NOREPLACE here: a hard link fails the same way on EEXIST.
        guard link(from, to) == 0 else { return false }
        unlink(from)
        return true
    }

    /// "dir/name.tar.gz" → "dir/name-1.tar.gz"; "dir/name" → "dir/name-1".
    static func numbered(_ path: String, _ n: Int) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        let dot = name.dropFirst().firstIndex(of: ".") ?? name.endIndex
        return String(path[..<dot]) + "-\(n)" + String(path[dot...])
    }

    /// Closes and deletes the .part (abort, failure), if it is ours. An
    /// unnamed file goes with its descriptor.
    func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unnamed = false
        if owned { unlink(partPath) }
        owned = false
    }
}
