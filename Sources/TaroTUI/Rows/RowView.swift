import TaroNet

/// The list as the screen shows it: all rows, or only those the filter
/// selects, in queue order or sorted by a column. Kept beside the rows
/// rather than in them (the rows stay the feed's, in queue order): the view
/// is positions into the rows, found in one pass when the filter or the
/// order changes. When rows only change in place, none joins or leaves the
/// filter and the order does not depend on what changed, the positions
/// still hold and nothing is redone.
struct RowView {
    private var filter: RowFilter?
    private var text = ""
    private var order = RowOrder()
    private var positions: [Int] = []
    private var indexOfID: [UInt64: Int] = [:]
    /// What the filter reads of each row, while the filter is being typed:
    /// keystrokes then come many to a second, each testing every row (see
    /// FilterKeys). Built when a keystroke first needs it.
    private var keys: FilterKeys?
    private var keepsKeys = false

    private var isIdentity: Bool { filter == nil && order.isQueueOrder }

    /// The rows to show.
    func rows(of items: TransferRows) -> ShownRows {
        if isIdentity { return ShownRows(items) }
        return ShownRows(items, positions: positions, indexOfID: order.isQueueOrder ? nil : indexOfID)
    }

    /// Takes up a new filter text and order; true when the shown rows
    /// changed. `typing`: the filter prompt is open, so more keystrokes are
    /// likely to follow.
    mutating func follow(filter newText: String, order newOrder: RowOrder, typing: Bool, items: TransferRows) -> Bool {
        keepsKeys = typing
        if !typing { keys = nil }
        guard newText != text || newOrder != order else { return false }
        // Without the keys, reading a row by position costs a lookup, so a
        // broad match is cheaper to redo in one walk of the rows.
        let narrows = newOrder == order && order.isQueueOrder && filter != nil && Self.narrows(from: text, to: newText)
            && (keys != nil || positions.count < items.count / 8)
        text = newText
        filter = RowFilter(newText)
        order = newOrder
        if narrows, let filter {
            if let keys {
                keys.narrow(&positions, to: filter)
            } else {
                positions = positions.filter { filter.matches(items[$0]) }
            }
        } else {
            rebuild(items)
        }
        return true
    }

    /// Whether `new` can only match rows `old` matched, so that only the
    /// rows shown need a second look: text and host words only ever match
    /// fewer rows as they grow, and every word added must match too. Not so
    /// for a state word ("state:fai" matches nothing, "state:failed" does),
    /// nor for a word that turns into a host word ("host" is text, "host:"
    /// matches every row).
    private static func narrows(from old: String, to new: String) -> Bool {
        guard new.hasPrefix(old), !new.lowercased().contains("state:") else { return false }
        let oldWords = old.split(separator: " "), newWords = new.split(separator: " ")
        guard let last = oldWords.last else { return false }
        return RowFilter.isHostWord(last) == RowFilter.isHostWord(newWords[oldWords.count - 1])
    }

    /// Brings the shown rows up to `changes`, already applied to `items`
    /// (which held `countBefore` rows before).
    mutating func apply(_ changes: TransferChanges, items: TransferRows, countBefore: Int) {
        // Read from the shared list on each access: taken once, and only
        // when a filter needs it.
        lazy var changed = changes.changed
        if keys != nil {
            if changes.isFull || !changes.removed.isEmpty || keys?.count != countBefore {
                keys = nil
            } else {
                keys?.follow(changed, items: items)
            }
        }
        guard !isIdentity else { return }
        guard !changes.isFull, changes.removed.isEmpty, items.count == countBefore,
              !order.dependsOnProgress else {
            rebuild(items)
            return
        }
        guard let filter else { return }
        let shown = rows(of: items)
        for row in changed where filter.matches(row) != (shown.position(of: row.id) != nil) {
            rebuild(items)
            return
        }
    }

    private mutating func rebuild(_ items: TransferRows) {
        positions.removeAll(keepingCapacity: true)
        indexOfID.removeAll(keepingCapacity: true)
        guard !isIdentity else { return }
        if order.isQueueOrder, let filter, keepsKeys {
            if keys == nil { keys = FilterKeys(items) }
            keys!.positions(matching: filter, into: &positions)
            return
        }
        if order.isQueueOrder {
            var index = 0
            for row in items {
                if filter?.matches(row) ?? true { positions.append(index) }
                index += 1
            }
            return
        }
        var picked: [(position: Int, row: TransferSnapshot)] = []
        var index = 0
        for row in items {
            if filter?.matches(row) ?? true { picked.append((index, row)) }
            index += 1
        }
        let order = self.order
        let reversedQueue = order.key == .queue && order.descending
        // Ties keep queue order, so equal rows never swap places between frames.
        picked.sort { a, b in order.precedes(a.row, b.row) ?? (reversedQueue ? a.position > b.position : a.position < b.position) }
        positions = picked.map(\.position)
        indexOfID.reserveCapacity(picked.count)
        for (shownIndex, entry) in picked.enumerated() { indexOfID[entry.row.id] = shownIndex }
    }
}
