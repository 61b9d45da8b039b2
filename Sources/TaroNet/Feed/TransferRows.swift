/// A transfer list: rows in queue order, each found by id. Reading row k,
/// finding an id's position, updating, appending and removing a row all
/// cost O(log n) at most, so a tick costs what changed, not what is listed,
/// even at 100,000 rows.
///
/// One writer keeps it: `TransferManager` holds the list of its rows as one
/// of these (`append`, `update`, `remove`, `reorder`) and its change feed
/// hands readers the value itself. A reader (the TUI) adopts that value
/// instead of keeping a copy: it is a value over chunks shared
/// copy-on-write, so the reader's version costs a reference per chunk, and
/// when the writer next changes a row only that row's chunk is copied. A
/// reader whose feed sends rows instead (a test's in-memory controller)
/// applies them with `apply`.
///
/// How: rows live in slots (in chunks, see ChunkedSlots) that only grow at
/// the end; a removed row leaves an empty slot (a tombstone) and a
/// `SlotCounter` over the slots turns a position into a slot and back. Once
/// tombstones outnumber rows the slots are compacted in one pass, so
/// removing is amortised O(log n).
///
/// Iterating (`for row in rows`) walks the slots directly; `rows[k]` is for
/// the few rows a screen shows.
public struct TransferRows: RandomAccessCollection, Sendable {
    private var slots = ChunkedSlots()
    private var slotOfID = IDIndex()
    private var used = SlotCounter()
    private var tombstones = 0
    /// Ids removed by the last `apply`, with the slot each left empty, so a
    /// selection on a removed row can move to the row that followed it.
    private var lastRemoved: [UInt64: Int] = [:]
    /// Rows not in a final state, kept as rows change (the quit question).
    public private(set) var unfinishedCount = 0
    /// Grows whenever rows change slots (a compaction, a new order): a slot
    /// known from one generation means nothing in another.
    public private(set) var generation: UInt64 = 0

    public init() {}

    /// A list holding `rows` in this order.
    public init(_ rows: [TransferSnapshot]) {
        replaceAll(with: rows)
    }

    // MARK: collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { slotOfID.count }

    public subscript(position: Int) -> TransferSnapshot {
        precondition(position >= 0 && position < count, "row \(position) of \(count)")
        return slots[used.slot(ofRank: position)]!
    }

    public func makeIterator() -> Iterator { Iterator(chunks: slots.storage) }

    /// The chunks themselves: tests check which a writer and a reader share.
    var chunkStorage: [[TransferSnapshot?]] { slots.storage }

    /// Walks the slots in order, skipping empty ones: O(n) for the whole
    /// list, where indexing row by row would be O(n log n).
    public struct Iterator: IteratorProtocol {
        let chunks: [[TransferSnapshot?]]
        var chunk = 0
        var slot = 0

        public mutating func next() -> TransferSnapshot? {
            while chunk < chunks.count {
                if slot < chunks[chunk].count {
                    defer { slot += 1 }
                    if let row = chunks[chunk][slot] { return row }
                } else {
                    chunk += 1
                    slot = 0
                }
            }
            return nil
        }
    }

    // MARK: finding

    /// Where the row with `id` is now, nil when it is not listed.
    public func position(of id: UInt64) -> Int? {
        slotOfID[id].map { used.usedBefore(Int($0)) }
    }

    /// Whether the row with `id` is listed, without copying it.
    public func contains(id: UInt64) -> Bool { slotOfID[id] != nil }

    /// The row with `id`, nil when it is not listed.
    public func row(id: UInt64) -> TransferSnapshot? {
        slotOfID[id].flatMap { slots[Int($0)] }
    }

    /// For a row the last `apply` removed: the position of the row that now
    /// stands where it stood (the one that followed it). nil for any other
    /// id, and after a full resync, which does not say what was removed.
    public func positionAfterRemoval(of id: UInt64) -> Int? {
        lastRemoved[id].map(used.usedBefore)
    }

    // MARK: adopting the writer's list

    /// Takes `newer`, the writer's list as of now, in place of this one
    /// (the version the reader had), remembering where each of `removed`
    /// stood so that `positionAfterRemoval` can answer. Costs what `removed`
    /// holds: the rows themselves are shared, not copied.
    public mutating func adopt(_ newer: TransferRows, removed: [UInt64]) {
        var stood: [UInt64: Int] = [:]
        if newer.generation == generation {
            // Same slots: a removed row's slot is empty in `newer` now.
            for id in removed { if let slot = slotOfID[id] { stood[id] = Int(slot) } }
        }
        self = newer
        lastRemoved = stood
    }

    // MARK: the writer's changes

    /// Adds `row` after every row (its id must be new).
    public mutating func append(_ row: TransferSnapshot) {
        lastRemoved.removeAll()
        upsert(row)
    }

    /// Changes the row with `id` where it stands; false when there is none.
    @discardableResult
    public mutating func update(id: UInt64, _ change: (inout TransferSnapshot) -> Void) -> Bool {
        guard let slot = slotOfID[id].map(Int.init), var row = slots[slot] else { return false }
        let wasPending = row.state.isPending
        // Out of the chunk while it changes, so the chunk keeps the only
        // reference to nothing and the row's own buffers stay unique.
        slots[slot] = nil
        change(&row)
        precondition(row.id == id, "a row keeps its id")
        if wasPending != row.state.isPending { unfinishedCount += row.state.isPending ? 1 : -1 }
        slots[slot] = row
        return true
    }

    /// Takes the row with `id` off the list (amortised O(log n)).
    public mutating func remove(id: UInt64) {
        lastRemoved.removeAll()
        compactIfWorthIt()
        remove(id)
    }

    /// The same rows in the order of `ids` (every id listed once, any id
    /// not listed goes): a reorder, O(n), as rare as a person moving a row.
    public mutating func reorder(_ ids: [UInt64]) {
        var rows: [TransferSnapshot] = []
        rows.reserveCapacity(ids.count)
        for id in ids { if let row = row(id: id) { rows.append(row) } }
        lastRemoved.removeAll()
        rebuild(with: rows)
    }

    // MARK: applying a feed of rows

    /// Brings the rows to the state `changes` describe. A full list replaces
    /// everything; otherwise a known row is updated where it stands, an
    /// unknown one goes after every row (in the order given), and removed
    /// ids leave. A row both changed and removed ends up removed: ids are
    /// never reused, so a removal is final.
    public mutating func apply(_ changes: TransferChanges) {
        if let rows = changes.rows {
            adopt(rows, removed: changes.removed)
            return
        }
        lastRemoved.removeAll(keepingCapacity: true)
        if changes.isFull {
            replaceAll(with: changes.changed)
            return
        }
        compactIfWorthIt()
        for row in changes.changed { upsert(row) }
        for id in changes.removed { remove(id) }
    }

    private mutating func upsert(_ row: TransferSnapshot) {
        if let slot = slotOfID[row.id].map(Int.init) {
            if let old = slots[slot], old.state.isPending { unfinishedCount -= 1 }
            if row.state.isPending { unfinishedCount += 1 }
            slots[slot] = row
            return
        }
        slotOfID[row.id] = Int32(slots.count)
        slots.append(row)
        used.append(used: true)
        if row.state.isPending { unfinishedCount += 1 }
    }

    private mutating func remove(_ id: UInt64) {
        guard let slot = slotOfID[id].map(Int.init) else { return }
        slotOfID[id] = nil
        if let old = slots[slot], old.state.isPending { unfinishedCount -= 1 }
        slots[slot] = nil
        used.add(-1, at: slot)
        tombstones += 1
        lastRemoved[id] = slot
    }

    private mutating func replaceAll(with rows: [TransferSnapshot]) {
        unfinishedCount = 0
        for index in rows.indices where rows[index].state.isPending { unfinishedCount += 1 }
        // The common full resync while transfers move or a list is being
        // imported: the rows we have, in the same order, maybe with new
        // values, maybe followed by new rows. Overwrite only the rows that
        // differ (comparing is cheaper than assigning: the strings and
        // arrays are the same buffers) and append the rest; no index to
        // rebuild.
        let kept = slots.count
        if tombstones == 0 && slots.overwritePrefix(with: rows) {
            for row in rows[kept...] where slotOfID[row.id] == nil {
                slotOfID[row.id] = Int32(slots.count)
                slots.append(row)
                used.append(used: true)
            }
            if slotOfID.count == rows.count { return }
        }
        rebuild(with: rows)
    }

    /// Every row anew, in the order of `rows`, slots numbered from 0.
    private mutating func rebuild(with rows: [TransferSnapshot]) {
        generation &+= 1
        unfinishedCount = 0
        for index in rows.indices where rows[index].state.isPending { unfinishedCount += 1 }
        slots = ChunkedSlots(rows)
        slotOfID = IDIndex()
        for (slot, row) in rows.enumerated() { slotOfID[row.id] = Int32(slot) }
        if slotOfID.count != rows.count {
            // The same id twice in a full list: keep its last value once, at
            // its first place, as an update would.
            var seen: [UInt64: Int] = [:]
            var unique: [TransferSnapshot] = []
            for row in rows {
                if let at = seen[row.id] { unique[at] = row } else { seen[row.id] = unique.count; unique.append(row) }
            }
            rebuild(with: unique)
            return
        }
        used = SlotCounter(allUsed: rows.count)
        tombstones = 0
    }

    /// Drops the empty slots once they are more than the rows (and more than
    /// a handful): one O(n) pass paid for by at least n/2 removals.
    private mutating func compactIfWorthIt() {
        guard tombstones > 64 && tombstones > slotOfID.count else { return }
        generation &+= 1
        var kept = ChunkedSlots()
        slotOfID = IDIndex()
        slots.forEachSlot { slot in
            guard let row = slot else { return }
            slotOfID[row.id] = Int32(kept.count)
            kept.append(row)
        }
        slots = kept
        used = SlotCounter(allUsed: slots.count)
        tombstones = 0
    }
}
