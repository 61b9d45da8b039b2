import Glibc

/// Writes a download to `NAME.part` in large blocks and gives it its final
/// name only when it is complete, without ever replacing an existing file.
/// Lives on the engine thread.
final class FileSink {
    /// May change once the server names the file (see EasyTransfer.adoptServerName).
    var finalPath: String
    let partPath: String
    /// Take "name-1.ext", "name-2.ext"… when the final name is taken.
    let numberOnConflict: Bool
    private(set) var fd: Int32 = -1
    private let capacity: Int
    private let buffer: UnsafeMutableRawPointer
    private var buffered = 0
    private(set) var bytesWritten: Int64 = 0
    /// Why the last write failed, in words ("No space left on device").
    private(set) var failure: String?

    init(finalPath: String, numberOnConflict: Bool = false, blockSize: Int = 1 << 20) {
        self.finalPath = finalPath
        self.numberOnConflict = numberOnConflict
        self.partPath = finalPath + ".part"
        self.capacity = blockSize
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 4096)
    }

    deinit {
        if fd >= 0 { close(fd) }
        buffer.deallocate()
    }

    /// Creates the .part file. O_EXCL|O_NOFOLLOW: a planted file or symlink
    /// under that name is refused, never followed or truncated.
    func open() throws(TransferFailure) {
        if !numberOnConflict, access(finalPath, F_OK) == 0 {
            throw .message("file exists: \(finalPath)")
        }
        fd = Glibc.open(partPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 {
            let err = errno
            if err == EEXIST {
                throw .message("partial file exists: \(partPath)")
            }
            throw .message("cannot create \(partPath): \(String(cString: strerror(err)))")
        }
    }

    /// Accepts bytes from curl's write callback. Returns false on a disk error.
    func write(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        if buffered + count > capacity, !flush() { return false }
        if count >= capacity / 2 {
            // Large pieces go straight to the file: copying them first gains nothing.
            guard writeAll(bytes, count) else { return false }
        } else {
            buffer.advanced(by: buffered).copyMemory(from: bytes, byteCount: count)
            buffered += count
        }
        bytesWritten += Int64(count)
        return true
    }

    /// Writes out what is buffered (a segment's connection ended early).
    func flushBuffered() -> Bool { flush() }

    private func flush() -> Bool {
        guard buffered > 0 else { return true }
        let ok = writeAll(UnsafeRawPointer(buffer), buffered)
        buffered = 0
        return ok
    }

    private func writeAll(_ base: UnsafeRawPointer, _ count: Int) -> Bool {
        var done = 0
        while done < count {
            let n = Glibc.write(fd, base + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return false
            }
            done += n
        }
        return true
    }

    /// Flushes, syncs and links the .part to its final name. The link fails
    /// with EEXIST rather than replace a file that appeared meanwhile.
    func finish() throws(TransferFailure) {
        guard flush() else { throw .message("write \(partPath): \(failure ?? "error")") }
        if fsync(fd) != 0 {
            throw .message("fsync \(partPath): \(String(cString: strerror(errno)))")
        }
        close(fd)
        fd = -1
        let attempts = numberOnConflict ? 1000 : 1
        for n in 0..<attempts {
            let candidate = n == 0 ? finalPath : Self.numbered(finalPath, n)
            if link(partPath, candidate) == 0 {
                unlink(partPath)
                finalPath = candidate
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
    }

    /// "dir/name.tar.gz" → "dir/name-1.tar.gz"; "dir/name" → "dir/name-1".
    static func numbered(_ path: String, _ n: Int) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        let dot = name.dropFirst().firstIndex(of: ".") ?? name.endIndex
        return String(path[..<dot]) + "-\(n)" + String(path[dot...])
    }

    /// Closes and deletes the .part (abort, failure).
    func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(partPath)
    }
}
