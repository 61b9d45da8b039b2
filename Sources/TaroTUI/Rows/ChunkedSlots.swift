import TaroNet

/// The slots behind `TransferRows`: fixed-size chunks rather than one array,
/// so that growing to 100,000 rows never copies the rows already held. One
/// contiguous array doubles as it grows, and at each doubling the old and
/// the new buffer are alive together (about 24 MB extra at 65,536 rows of
/// 360 bytes): that moment would set the process's peak memory.
struct ChunkedSlots: Sendable {
    static let chunkShift = 12
    static let chunkSize = 1 << chunkShift
    static let chunkMask = chunkSize - 1

    private var chunks: [[TransferSnapshot?]] = []
    private(set) var count = 0

    init() {}

    /// The slots holding `rows`, in order, none empty.
    init(_ rows: some Sequence<TransferSnapshot>) {
        for row in rows { append(row) }
    }

    subscript(slot: Int) -> TransferSnapshot? {
        get { chunks[slot >> Self.chunkShift][slot & Self.chunkMask] }
        set { chunks[slot >> Self.chunkShift][slot & Self.chunkMask] = newValue }
    }

    mutating func append(_ row: TransferSnapshot?) {
        if count & Self.chunkMask == 0 {
            var chunk: [TransferSnapshot?] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(row)
        count += 1
    }

    /// Every slot's content in order, empty slots included.
    func forEachSlot(_ body: (TransferSnapshot?) -> Void) {
        for chunk in chunks {
            for slot in chunk { body(slot) }
        }
    }

    /// The chunks themselves, for an iterator that walks them.
    var storage: [[TransferSnapshot?]] { chunks }
}
