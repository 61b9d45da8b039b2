import TaroNet

/// The two rate histories the screen draws: the whole queue's, and the
/// selected row's. Only the selected row keeps one (a minute of samples
/// for each of 100,000 rows would be memory spent on what is never shown);
/// selecting another row starts its history afresh.
public struct RateHistories: Equatable, Sendable {
    public private(set) var queue = RateHistory()
    public private(set) var selected = RateHistory()
    public private(set) var selectedID: UInt64?

    public init() {}

    /// Whether either sparkline has a non-zero sample, and so is drawn.
    public var showsAnything: Bool {
        queue.samples.contains { $0 > 0 } || selected.samples.contains { $0 > 0 }
    }

    /// Takes this second's sample; true when one was added.
    public mutating func sample(queueRate: Double, selected item: TransferSnapshot?, atSecond second: Int64) -> Bool {
        if item?.id != selectedID {
            selectedID = item?.id
            selected = RateHistory()
        }
        var added = queue.record(queueRate, atSecond: second)
        // A row that is not moving (queued, done) adds nothing new to see.
        if let item, item.state == .active || !selected.samples.isEmpty {
            added = selected.record(item.state == .active ? item.bytesPerSecond : 0, atSecond: second) || added
        }
        return added
    }
}
