import Foundation

/// A growable FIFO of bytes with contiguous unread storage, so the multipart
/// parser can search across read boundaries with `memmem` without ever
/// holding more than one read plus a boundary's worth of bytes.
final class ByteQueue {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var start = 0
    private var end = 0

    init(capacity: Int = 64 * 1024) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    var count: Int { end - start }

    /// The unread bytes; valid until the next append.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage + start, count: count)
    }

    func append(_ data: UnsafeRawBufferPointer) {
        guard let source = data.baseAddress, data.count > 0 else { return }
        if end + data.count > capacity {
            // Move unread bytes to the front, growing if they still do not fit.
            let needed = count + data.count
            if needed > capacity {
                let grown = UnsafeMutableRawPointer.allocate(byteCount: max(needed, capacity * 2), alignment: 16)
                grown.copyMemory(from: storage + start, byteCount: count)
                storage.deallocate()
                storage = grown
                capacity = max(needed, capacity * 2)
            } else if count > 0 {
                memmove(storage, storage + start, count)
            }
            end = count
            start = 0
        }
        (storage + end).copyMemory(from: source, byteCount: data.count)
        end += data.count
    }

    func append(_ data: [UInt8]) {
        data.withUnsafeBytes { append($0) }
    }

    func consume(_ byteCount: Int) {
        start += max(0, min(byteCount, count))
        if start == end { start = 0; end = 0 }
    }

    /// Offset of the first occurrence of `needle` in the unread bytes.
    func firstIndex(of needle: [UInt8]) -> Int? {
        ByteSearch.firstIndex(of: needle, in: bytes)
    }
}
