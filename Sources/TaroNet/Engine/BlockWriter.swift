import CSystem
import Glibc

/// Buffered writes at a position in a file: small pieces are gathered into
/// 1 MiB blocks, large ones go straight through, all with pwrite so several
/// writers can fill one file in place. Writeback is started every 32 MiB so
/// that the fsync making the file durable has little left to do.
///
/// The buffer is chosen at the first write by what the response said is
/// still to come (`expect(remaining:)`). A small file is kept whole in a
/// buffer of its own size, within `SmallBodyBudget`, so that its one write
/// happens on the disk worker when the file is finalized rather than on
/// the engine thread; past the budget it is written piece by piece with no
/// buffer (its pieces are few and large: curl hands over up to its receive
/// buffer at once). A middling one gets a heap buffer of its own size; an
/// unknown or large length gets a pooled 1 MiB block. With 200 16 KiB
/// files at once (W7) each held a 1 MiB block, and 16 KiB of it was
/// resident until the file was done: 3 MiB for bytes already in curl's
/// buffer. More bytes than announced (a decoded body) switch to a block.
final class BlockWriter {
    private let fd: Int32
    /// The buffer's size once chosen; 0 writes every piece straight through.
    private var capacity = 0
    private var buffer: UnsafeMutableRawPointer?
    private var chosen = false
    /// Bytes of `SmallBodyBudget` the buffer holds (a small body kept whole).
    private var budgeted = 0
    /// Bytes still to come, when the response said.
    private var expected: Int64?
    private var buffered = 0
    /// File offset of the first buffered byte.
    private(set) var position: Int64
    private var sinceWriteback = 0
    /// Why the last write failed, in words ("No space left on device").
    private(set) var failure: String?

    private static let writebackStep = 32 << 20
    /// Bodies up to this size go to the file unbuffered.
    static let unbufferedLimit: Int64 = 64 << 10

    init(fd: Int32, position: Int64) {
        self.fd = fd
        self.position = position
    }

    deinit { releaseBuffer() }

    /// How many bytes the body still has (Content-Length), told before the
    /// first write; it chooses the buffer.
    func expect(remaining: Int64) {
        expected = remaining
    }

    private func chooseBuffer() {
        chosen = true
        let block = BlockBufferPool.blockSize
        if let expected, expected <= Self.unbufferedLimit {
            let size = Int(expected)
            if size > 0, SmallBodyBudget.take(size) {
                budgeted = size
                capacity = size
                buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            }
            return
        }
        if let expected, expected < Int64(block / 2) {
            let page = 4096
            capacity = (Int(expected) + page - 1) / page * page
            buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        } else {
            capacity = block
            buffer = BlockBufferPool.take()
        }
    }

    private func releaseBuffer() {
        if budgeted > 0 {
            SmallBodyBudget.give(budgeted)
            budgeted = 0
        }
        if let buffer {
            if capacity == BlockBufferPool.blockSize {
                BlockBufferPool.give(buffer)
            } else {
                buffer.deallocate()
            }
        }
        buffer = nil
        capacity = 0
        chosen = false
    }

    /// Where the next byte goes, buffered bytes included.
    var end: Int64 { position + Int64(buffered) }

    func write(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        if !chosen { chooseBuffer() }
        if let left = expected {
            if Int64(count) > left {
                // More than the length said: a block from here on.
                guard flush() else { return false }
                releaseBuffer()
                expected = nil
                chooseBuffer()
            } else {
                expected = left - Int64(count)
            }
        }
        if buffered + count > capacity, !flush() { return false }
        if count >= BlockBufferPool.blockSize / 2 || count > capacity {
            guard pwriteAll(bytes, count) else { return false }
        } else {
            buffer!.advanced(by: buffered).copyMemory(from: bytes, byteCount: count)
            buffered += count
        }
        return true
    }

    @discardableResult
    func flush() -> Bool {
        guard buffered > 0, let buffer else { return failure == nil }
        let count = buffered
        buffered = 0
        guard pwriteAll(UnsafeRawPointer(buffer), count) else { return false }
        // A small body written whole gives its memory back at once: the
        // file may wait a while yet for its sync and name.
        if budgeted > 0, expected == 0 { releaseBuffer() }
        return true
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
