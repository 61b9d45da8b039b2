import CSystem
import Glibc

/// Buffered writes at a position in a file: small pieces are gathered into
/// 1 MiB blocks, large ones go straight through, all with pwrite so several
/// writers can fill one file in place. Writeback is started every 32 MiB so
/// that the fsync making the file durable has little left to do.
final class BlockWriter {
    private let fd: Int32
    private let capacity = BlockBufferPool.blockSize
    private let buffer: UnsafeMutableRawPointer
    private var buffered = 0
    /// File offset of the first buffered byte.
    private(set) var position: Int64
    private var sinceWriteback = 0
    /// Why the last write failed, in words ("No space left on device").
    private(set) var failure: String?

    private static let writebackStep = 32 << 20

    init(fd: Int32, position: Int64) {
        self.fd = fd
        self.position = position
        self.buffer = BlockBufferPool.take()
    }

    deinit { BlockBufferPool.give(buffer) }

    /// Where the next byte goes, buffered bytes included.
    var end: Int64 { position + Int64(buffered) }

    func write(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        if buffered + count > capacity, !flush() { return false }
        if count >= capacity / 2 {
            guard pwriteAll(bytes, count) else { return false }
        } else {
            buffer.advanced(by: buffered).copyMemory(from: bytes, byteCount: count)
            buffered += count
        }
        return true
    }

    @discardableResult
    func flush() -> Bool {
        guard buffered > 0 else { return failure == nil }
        let count = buffered
        buffered = 0
        return pwriteAll(UnsafeRawPointer(buffer), count)
    }

    /// Moves the position, dropping anything not yet written.
    func reset(to offset: Int64) {
        buffered = 0
        position = offset
    }

    private func pwriteAll(_ base: UnsafeRawPointer, _ count: Int) -> Bool {
        sinceWriteback += count
        if sinceWriteback >= Self.writebackStep {
            sinceWriteback = 0
            _ = taro_start_writeback(fd)
        }
        var done = 0
        while done < count {
            let n = pwrite(fd, base + done, count - done, off_t(position) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return false
            }
            done += n
        }
        position += Int64(count)
        return true
    }
}
