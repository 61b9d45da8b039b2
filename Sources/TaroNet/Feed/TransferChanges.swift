/// What changed in a transfer list since a version its reader already has,
/// so a tick costs what changed, not what is listed. A writer that keeps its
/// list as `TransferRows` sends the list itself (`rows`, shared, not copied)
/// and the reader adopts it; the changed rows and removed ids say what moved,
/// for whatever the reader keeps beside the list (a filter, a sort). A
/// writer that does not sends the changed rows for the reader to apply.
public struct TransferChanges: Sendable {
    /// The version these changes bring the reader to; pass it to the next call.
    public var version: UInt64
    /// `changed` is the whole list in queue order: replace what you have.
    /// Sent on the first call and whenever the reader fell too far behind.
    public var isFull: Bool
    /// Rows added or changed since the reader's version. A row the reader
    /// does not know yet goes after every row it knows, in the order given.
    /// A full answer with `rows` reads them from there (made on demand: a
    /// reader that adopts `rows` never pays for this copy).
    public var changed: [TransferSnapshot] {
        get {
            if isFull, changedRows.isEmpty, let rows { return Array(rows) }
            return changedRows
        }
        set { changedRows = newValue }
    }
    private var changedRows: [TransferSnapshot]
    /// The writer's whole list as of `version`, when it keeps one to share.
    public var rows: TransferRows?
    /// Rows taken off the list.
    public var removed: [UInt64]
    /// Totals over the whole list, kept up to date incrementally.
    public var totals: TransferTotals

    public init(version: UInt64, isFull: Bool, changed: [TransferSnapshot], removed: [UInt64],
                totals: TransferTotals, rows: TransferRows? = nil) {
        self.version = version
        self.isFull = isFull
        self.changedRows = changed
        self.rows = rows
        self.removed = removed
        self.totals = totals
    }

    /// Nothing changed: what a reader that is up to date receives.
    public var isEmpty: Bool { !isFull && changedRows.isEmpty && removed.isEmpty }
}
