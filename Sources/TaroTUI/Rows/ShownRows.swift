import TaroNet

/// The rows the screen lists and keys act on: every row, or the ones a
/// filter selected, as positions into the full list. Nothing is copied, so
/// filtering 100,000 rows costs one pass that records positions; finding a
/// row's place is the full list's lookup plus a binary search.
public struct ShownRows: RandomAccessCollection, Sendable {
    /// The whole list, in queue order.
    public let all: TransferRows
    /// Positions in `all` of the rows shown, ascending unless sorted; nil
    /// shows every row.
    let positions: [Int]?
    /// Where each shown row is, when `positions` is sorted by a column
    /// (ascending positions are found by binary search instead).
    let indexOfID: [UInt64: Int]?

    public init(_ all: TransferRows, positions: [Int]? = nil, indexOfID: [UInt64: Int]? = nil) {
        self.all = all
        self.positions = positions
        self.indexOfID = indexOfID
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions?.count ?? all.count }

    public subscript(index: Int) -> TransferSnapshot {
        all[positions?[index] ?? index]
    }

    /// Where the row with `id` is shown, nil when it is not.
    public func position(of id: UInt64) -> Int? {
        if let indexOfID { return indexOfID[id] }
        guard let full = all.position(of: id) else { return nil }
        guard let positions else { return full }
        let index = lowerBound(full, in: positions)
        return index < positions.count && positions[index] == full ? index : nil
    }

    /// See TransferRows.positionAfterRemoval; only known for the whole list.
    public func positionAfterRemoval(of id: UInt64) -> Int? {
        positions == nil ? all.positionAfterRemoval(of: id) : nil
    }

    /// Unfinished rows in the whole list, shown or not (the quit question).
    public var unfinishedCount: Int { all.unfinishedCount }

    private func lowerBound(_ value: Int, in sorted: [Int]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
