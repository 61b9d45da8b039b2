import TaroNet

/// Totals for a fixed list of rows, as a feed would report them if its rate
/// were the sum of the moving transfers' rates: what the fixtures' footers
/// show, and what the in-memory controller keeps up to date row by row.
extension TransferTotals {
    static func summing(_ items: [TransferSnapshot]) -> TransferTotals {
        var totals = TransferTotals()
        for item in items { totals.add(item, sign: 1) }
        return totals
    }

    /// One row's share in or out (`sign` 1 or -1): its count and, while it
    /// moves, its rate.
    mutating func add(_ row: TransferSnapshot, sign: Int) {
        count(row, sign: sign)
        if row.state == .active || row.state == .connecting, row.bytesPerSecond.isFinite, row.bytesPerSecond > 0 {
            bytesPerSecond += Double(sign) * row.bytesPerSecond
            if abs(bytesPerSecond) < 1e-6 { bytesPerSecond = 0 }
        }
    }
}
