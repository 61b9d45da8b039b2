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

    private var isIdentity: Bool { filter == nil && order.isQueueOrder }

    /// The rows to show.
    func rows(of items: TransferRows) -> ShownRows {
        if isIdentity { return ShownRows(items) }
        return ShownRows(items, positions: positions, indexOfID: order.isQueueOrder ? nil : indexOfID)
    }

    /// Takes up a new filter text and order; true when the shown rows changed.
    mutating func follow(filter newText: String, order newOrder: RowOrder, items: TransferRows) -> Bool {
        guard newText != text || newOrder != order else { return false }
        // Typing on narrows: text and host words only ever match fewer rows
        // as they grow, so only the rows shown need a second look. (A state
        // word does not: "state:fai" matches nothing, "state:failed" does.)
        // Reading a row by position costs a lookup, so a broad match is
        // cheaper to redo in one walk of the rows.
        let narrows = newOrder == order && order.isQueueOrder && filter != nil && newText.hasPrefix(text)
            && !newText.lowercased().contains("state:") && positions.count < items.count / 8
        text = newText
        filter = RowFilter(newText)
        order = newOrder
        if narrows, let filter {
            positions = positions.filter { filter.matches(items[$0]) }
        } else {
            rebuild(items)
        }
        return true
    }

    /// Brings the shown rows up to `changes`, already applied to `items`
    /// (which held `countBefore` rows before).
    mutating func apply(_ changes: TransferChanges, items: TransferRows, countBefore: Int) {
        guard !isIdentity else { return }
        guard !changes.isFull, changes.removed.isEmpty, items.count == countBefore,
              !order.dependsOnProgress else {
            rebuild(items)
            return
        }
        guard let filter else { return }
        let shown = rows(of: items)
        for row in changes.changed where filter.matches(row) != (shown.position(of: row.id) != nil) {
            rebuild(items)
            return
        }
    }

    private mutating func rebuild(_ items: TransferRows) {
        positions.removeAll(keepingCapacity: true)
        indexOfID.removeAll(keepingCapacity: true)
        guard !isIdentity else { return }
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
