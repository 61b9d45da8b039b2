import Glibc

/// The slots behind `TransferRows`: fixed-size chunks rather than one array,
/// so that growing to 100,000 rows never copies the rows already held. One
/// contiguous array doubles as it grows, and at each doubling the old and
/// the new buffer are alive together (about 24 MB extra at 65,536 rows of
/// 360 bytes): that moment would set the process's peak memory.
///
/// Chunks are small (64 rows, under 10 KB) because the list is shared
/// between its writer and a reader copy-on-write: the writer changing one
/// row of a chunk the reader still holds copies that chunk, once per tick.
struct ChunkedSlots: Sendable {
    static let chunkShift = 6
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

    /// When `rows` begins with the rows held here, same ids in the same
    /// order (no empty slot), overwrites the ones that changed and says
    /// true; otherwise changes nothing and says false.
    ///
    /// This is the whole-list answer's path, 100,000 rows a tick, so rows
    /// are read in place and never copied: a copy retains and releases a
    /// dozen reference-counted fields and cost more than all the rest. A row
    /// counts as unchanged when its bytes are identical to what is held
    /// (same numbers, same string and array buffers); a row whose bytes
    /// differ is overwritten, which for an equal value is merely redundant.
    mutating func overwritePrefix(with rows: [TransferSnapshot]) -> Bool {
        guard rows.count >= count else { return false }
        let size = MemoryLayout<TransferSnapshot>.size
        var differing: [Int] = []
        let matches = rows.withUnsafeBufferPointer { new in
            var slot = 0
            for chunk in chunks {
                let ok = chunk.withUnsafeBufferPointer { old in
                    for index in old.indices {
                        guard old[index]?.id == new[slot + index].id else { return false }
                        // An Optional's payload sits at its start, laid out as the value itself.
                        if memcmp(old.baseAddress! + index, new.baseAddress! + slot + index, size) != 0 {
                            differing.append(slot + index)
                        }
                    }
                    return true
                }
                guard ok else { return false }
                slot += chunk.count
            }
            return true
        }
        guard matches else { return false }
        for slot in differing { self[slot] = rows[slot] }
        return true
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
