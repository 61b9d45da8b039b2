extension SHA256 {
    /// 64 bytes of inline storage for a partial block, so a hasher is a plain
    /// value with no heap allocation and copies independently.
    struct PendingBlock: Sendable {
        private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

        mutating func withBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) -> Result) -> Result {
            withUnsafeMutableBytes(of: &words, body)
        }
    }
}
