/// A connection's reusable output buffer for generated bodies: large enough
/// that loopback downloads go out in few, big writes; allocated on first use
/// so idle connections cost nothing.
final class SendBuffer {
    static let capacity = 256 * 1024
    private var storage: UnsafeMutableRawBufferPointer?

    var bytes: UnsafeMutableRawBufferPointer {
        if let storage { return storage }
        let allocated = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.capacity, alignment: 64)
        storage = allocated
        return allocated
    }

    deinit {
        storage?.deallocate()
    }
}
