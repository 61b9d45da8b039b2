import TaroNet

/// The list as the screen shows it: all rows, or only those the filter
/// selects, kept beside the rows rather than in them (the rows stay the
/// feed's, in queue order). The filtered view is positions into the rows,
/// found in one pass when the filter changes; when rows only change in
/// place and none joins or leaves the filter, the positions still hold.
struct RowView {
    private var filter: RowFilter?
    private var text = ""
    private var positions: [Int] = []

    /// The rows to show.
    func rows(of items: TransferRows) -> ShownRows {
        filter == nil ? ShownRows(items) : ShownRows(items, positions: positions)
    }

    /// Takes up a new filter text; true when the shown rows changed.
    mutating func follow(filter newText: String, items: TransferRows) -> Bool {
        guard newText != text else { return false }
        text = newText
        filter = RowFilter(newText)
        refilter(items)
        return true
    }

    /// Brings the shown rows up to `changes`, already applied to `items`
    /// (which held `countBefore` rows before).
    mutating func apply(_ changes: TransferChanges, items: TransferRows, countBefore: Int) {
        guard let filter else { return }
        guard !changes.isFull, changes.removed.isEmpty, items.count == countBefore else {
            refilter(items)
            return
        }
        let shown = ShownRows(items, positions: positions)
        for row in changes.changed where filter.matches(row) != (shown.position(of: row.id) != nil) {
            refilter(items)
            return
        }
    }

    private mutating func refilter(_ items: TransferRows) {
        positions.removeAll(keepingCapacity: true)
        guard let filter else { return }
        var index = 0
        for row in items {
            if filter.matches(row) { positions.append(index) }
            index += 1
        }
    }
}
