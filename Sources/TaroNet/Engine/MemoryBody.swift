/// A request's response body, gathered in memory; each piece is handed to
/// chunk listeners as it arrives when the caller asked for that.
final class MemoryBody {
    private(set) var bytes: [UInt8] = []
    let streamChunks: Bool

    init(streamChunks: Bool) {
        self.streamChunks = streamChunks
    }

    /// Keeps the piece; returns a copy of it for the chunk listeners when
    /// they want each piece.
    func append(_ piece: UnsafeRawBufferPointer) -> [UInt8]? {
        bytes.append(contentsOf: piece)
        return streamChunks ? Array(piece) : nil
    }
}
