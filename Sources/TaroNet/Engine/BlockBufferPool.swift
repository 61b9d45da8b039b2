import TaroSync

/// Reuses the 1 MiB write buffers of finished downloads: allocating one per
/// file costs an mmap and a munmap each, which shows up when a thousand
/// small files are fetched. Buffers are kept as addresses so the list can
/// cross threads under its lock.
enum BlockBufferPool {
    static let blockSize = 1 << 20
    private static let keep = 32
    private static let free = Locked<[UInt]>([])

    static func take() -> UnsafeMutableRawPointer {
        if let address = free.withLock({ $0.popLast() }), let buffer = UnsafeMutableRawPointer(bitPattern: address) {
            return buffer
        }
        return UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 4096)
    }

    static func give(_ buffer: UnsafeMutableRawPointer) {
        let address = UInt(bitPattern: buffer)
        let kept = free.withLock { list -> Bool in
            guard list.count < keep else { return false }
            list.append(address)
            return true
        }
        if !kept { buffer.deallocate() }
    }
}
