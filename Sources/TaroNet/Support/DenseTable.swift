/// Values by id, stored densely: a small index (id → slot) and the values
/// themselves in fixed-size chunks of slots, a freed slot reused. What holds
/// one entry per listed transfer: the manager's rows (`RowTable`) and the
/// scheduler's entries.
///
/// Why not `[UInt64: Value]`: a dictionary keeps its values in one buffer
/// sized to its bucket count, a power of two kept under 3/4 full, so at
/// 100,000 values of about 400 bytes it holds 262,144 value slots (100 MB),
/// and while it grows the old and the new buffer are both alive. Here the
/// values cost what they are plus a 16-byte index entry, and growing never
/// copies a value.
struct DenseTable<Value> {
    static var chunkShift: Int { 10 }
    static var chunkSize: Int { 1 << chunkShift }
    static var chunkMask: Int { chunkSize - 1 }

    private var slotOf = IDIndex()
    private var chunks: [[Value?]] = []
    private var slotCount = 0
    /// Slots emptied by removals, used again before the table grows.
    private var free: [Int32] = []

    init() {}

    var count: Int { slotOf.count }

    /// The ids held, in no particular order.
    var ids: [UInt64] { slotOf.ids }

    subscript(id: UInt64) -> Value? {
        get {
            guard let slot = slotOf[id] else { return nil }
            return chunks[Int(slot) >> Self.chunkShift][Int(slot) & Self.chunkMask]
        }
        _modify {
            if let slot = slotOf[id] {
                let (chunk, index) = (Int(slot) >> Self.chunkShift, Int(slot) & Self.chunkMask)
                yield &chunks[chunk][index]
                if chunks[chunk][index] == nil { release(id, slot: slot) }
            } else {
                var added: Value?
                yield &added
                if let added { insert(added, id: id) }
            }
        }
        set {
            if let slot = slotOf[id] {
                chunks[Int(slot) >> Self.chunkShift][Int(slot) & Self.chunkMask] = newValue
                if newValue == nil { release(id, slot: slot) }
            } else if let newValue {
                insert(newValue, id: id)
            }
        }
    }

    @discardableResult
    mutating func removeValue(forKey id: UInt64) -> Value? {
        guard let slot = slotOf[id] else { return nil }
        let row = chunks[Int(slot) >> Self.chunkShift][Int(slot) & Self.chunkMask]
        chunks[Int(slot) >> Self.chunkShift][Int(slot) & Self.chunkMask] = nil
        release(id, slot: slot)
        return row
    }

    /// Runs `body` on the value for `id` where it is stored: reading a few
    /// fields this way copies nothing else (a copy of a manager's row
    /// retains and releases each of its request's references).
    mutating func withValue<Result>(_ id: UInt64, _ body: (inout Value) -> Result) -> Result? {
        guard let slot = slotOf[id] else { return nil }
        let (chunk, index) = (Int(slot) >> Self.chunkShift, Int(slot) & Self.chunkMask)
        guard chunks[chunk][index] != nil else { return nil }
        return body(&chunks[chunk][index]!)
    }

    /// Every (id, value), in no particular order.
    func forEach(_ body: (UInt64, Value) throws -> Void) rethrows {
        try slotOf.forEach { id, slot in
            if let value = chunks[Int(slot) >> Self.chunkShift][Int(slot) & Self.chunkMask] { try body(id, value) }
        }
    }

    private mutating func insert(_ row: Value, id: UInt64) {
        let slot: Int32
        if let reused = free.popLast() {
            slot = reused
            chunks[Int(slot) >> Self.chunkShift][Int(slot) & Self.chunkMask] = row
        } else {
            if slotCount & Self.chunkMask == 0 {
                var chunk: [Value?] = []
                chunk.reserveCapacity(Self.chunkSize)
                chunks.append(chunk)
            }
            chunks[chunks.count - 1].append(row)
            slot = Int32(slotCount)
            slotCount += 1
        }
        slotOf[id] = slot
    }

    private mutating func release(_ id: UInt64, slot: Int32) {
        slotOf[id] = nil
        free.append(slot)
        // Drained: give everything back (a dictionary would keep its
        // buckets, and the chunks here would stay too).
        if slotOf.isEmpty && slotCount > Self.chunkSize { self = DenseTable() }
    }
}

/// The manager's rows by id.
typealias RowTable = DenseTable<ManagedRow>
