import CSystem
import Glibc

/// Writes one segment's bytes at their offsets in the shared .part file, in
/// large blocks with pwrite, so several connections fill one file in place
/// with no concatenation pass.
final class SegmentWriter {
    private let fd: Int32
    private let capacity: Int
    private let buffer: UnsafeMutableRawPointer
    private var buffered = 0
    /// File offset of the first buffered byte.
    private var position: Int64
    private(set) var failure: String?
    private var sinceWriteback = 0

    init(fd: Int32, position: Int64) {
        self.fd = fd
        self.position = position
        self.capacity = BlockBufferPool.blockSize
        self.buffer = BlockBufferPool.take()
    }

    deinit { BlockBufferPool.give(buffer) }

    func write(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        if buffered + count > capacity, !flush() { return false }
        if count >= capacity / 2 {
            guard pwriteAll(bytes, count, at: position) else { return false }
            position += Int64(count)
        } else {
            buffer.advanced(by: buffered).copyMemory(from: bytes, byteCount: count)
            buffered += count
        }
        return true
    }

    @discardableResult
    func flush() -> Bool {
        guard buffered > 0 else { return failure == nil }
        let ok = pwriteAll(UnsafeRawPointer(buffer), buffered, at: position)
        if ok { position += Int64(buffered) }
        buffered = 0
        return ok
    }

    private func pwriteAll(_ base: UnsafeRawPointer, _ count: Int, at offset: Int64) -> Bool {
        // Start writeback as we go, as FileSink does, so the final fsync is short.
        sinceWriteback += count
        if sinceWriteback >= 32 << 20 {
            sinceWriteback = 0
            _ = taro_start_writeback(fd)
        }
        var done = 0
        while done < count {
            let n = pwrite(fd, base + done, count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return false
            }
            done += n
        }
        return true
    }
}
