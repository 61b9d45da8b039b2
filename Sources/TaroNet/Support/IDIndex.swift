/// Slots by transfer id: what a `[UInt64: Int32]` did, for the ids one
/// counter hands out (`TransferCore.makeTag`), which come dense and in
/// order. Ids are grouped in pages of 1024, each an array of slots made
/// when its first id arrives and dropped when its last one leaves, so
/// 100,000 ids cost about 400 KB where a dictionary held 262,144 buckets
/// (3 to 4 MB), and the tables keyed by id (the manager's rows, its shared
/// list, the scheduler's entries) each kept one.
///
/// Any id works (a sparse set costs a page per thousand ids it spans); a
/// value type, shared copy-on-write page by page like the list it indexes.
struct IDIndex: Sendable {
    private static let pageShift = 10
    private static let pageMask = UInt64(1 << pageShift - 1)
    private static let empty: Int32 = -1

    private struct Page: Sendable {
        var slots: [Int32]
        var used = 0
        init() { slots = Array(repeating: IDIndex.empty, count: 1 << IDIndex.pageShift) }

        mutating func setSlot(_ slot: Int32, at offset: Int, added: inout Bool) {
            if slots[offset] == IDIndex.empty {
                used += 1
                added = true
            }
            slots[offset] = slot
        }

        mutating func clearSlot(at offset: Int, removed: inout Bool) {
            guard slots[offset] != IDIndex.empty else { return }
            slots[offset] = IDIndex.empty
            used -= 1
            removed = true
        }
    }

    private var pages: [UInt64: Page] = [:]
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    subscript(id: UInt64) -> Int32? {
        get {
            guard let page = pages[id >> Self.pageShift] else { return nil }
            let slot = page.slots[Int(id & Self.pageMask)]
            return slot == Self.empty ? nil : slot
        }
        set {
            let number = id >> Self.pageShift, offset = Int(id & Self.pageMask)
            if let slot = newValue {
                precondition(slot >= 0, "a slot is never negative")
                var added = false
                pages[number, default: Page()].setSlot(slot, at: offset, added: &added)
                if added { count += 1 }
            } else if pages[number] != nil {
                var removed = false
                pages[number]!.clearSlot(at: offset, removed: &removed)
                guard removed else { return }
                count -= 1
                if pages[number]!.used == 0 { pages[number] = nil }
            }
        }
    }

    /// Every (id, slot), page by page (not in id order across pages).
    func forEach(_ body: (UInt64, Int32) throws -> Void) rethrows {
        for (number, page) in pages {
            for (offset, slot) in page.slots.enumerated() where slot != Self.empty {
                try body(number << Self.pageShift | UInt64(offset), slot)
            }
        }
    }

    /// The ids held, in no particular order.
    var ids: [UInt64] {
        var ids: [UInt64] = []
        ids.reserveCapacity(count)
        forEach { id, _ in ids.append(id) }
        return ids
    }
}
