import Glibc

/// A regular file opened for streaming an upload body from disk, so a file
/// of any size is never held in memory.
final class UploadFileReader {
    let size: Int64
    private var fd: Int32

    init(path: String) throws(TransferFailure) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw .message("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(fd)
            fd = -1
            throw .message("not a regular file: \(path)")
        }
        size = Int64(st.st_size)
    }

    /// Fills `buffer`; 0 at the end of the file, -1 on a read error.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            let n = Glibc.read(fd, buffer, count)
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    deinit { close() }
}
