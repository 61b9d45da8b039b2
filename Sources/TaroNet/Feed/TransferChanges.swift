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
    /// An answer with `rows` reads the changed rows from there too, by id
    /// (made on demand: the writer only names them, under its lock, and a
    /// reader that only adopts `rows` never copies a row).
    public var changed: [TransferSnapshot] {
        get {
            if isFull, changedRows.isEmpty, let rows { return Array(rows) }
            // Queue order, each once; the removed are not in `rows`.
            if let loggedIDs, let rows { return ChangeLog.distinctSorted(loggedIDs).compactMap { rows.row(id: $0) } }
            return changedRows
        }
        set {
            changedRows = newValue
            loggedIDs = nil
        }
    }
    private var changedRows: [TransferSnapshot]
    /// The ids of `changed` as the writer's log had them: in the order
    /// changed, with repeats, and with the rows removed since (not in `rows`).
    private var loggedIDs: [UInt64]?
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

    /// Changes that name the changed rows of `rows` by id, as logged: how a
    /// writer that shares its list answers, without copying or sorting.
    init(version: UInt64, loggedIDs: [UInt64], removed: [UInt64], totals: TransferTotals, rows: TransferRows) {
        self.init(version: version, isFull: false, changed: [], removed: removed, totals: totals, rows: rows)
        self.loggedIDs = loggedIDs
    }

    /// Nothing changed: what a reader that is up to date receives.
    public var isEmpty: Bool {
        !isFull && changedRows.isEmpty && (loggedIDs?.isEmpty ?? true) && removed.isEmpty
    }
}
