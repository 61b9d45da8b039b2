/// What changed in a transfer list since a version its reader already has:
/// the reader keeps its own copy of the rows and applies this, so a tick
/// costs what changed, not what is listed.
public struct TransferChanges: Sendable {
    /// The version these changes bring the reader to; pass it to the next call.
    public var version: UInt64
    /// `changed` is the whole list in queue order: replace what you have.
    /// Sent on the first call and whenever the reader fell too far behind.
    public var isFull: Bool
    /// Rows added or changed since the reader's version. A row the reader
    /// does not know yet goes after every row it knows, in the order given.
    public var changed: [TransferSnapshot]
    /// Rows taken off the list.
    public var removed: [UInt64]
    /// Totals over the whole list, kept up to date incrementally.
    public var totals: TransferTotals

    public init(version: UInt64, isFull: Bool, changed: [TransferSnapshot], removed: [UInt64],
                totals: TransferTotals) {
        self.version = version
        self.isFull = isFull
        self.changed = changed
        self.removed = removed
        self.totals = totals
    }

    /// Nothing changed: what a reader that is up to date receives.
    public var isEmpty: Bool { !isFull && changed.isEmpty && removed.isEmpty }
}
