/// Counts and rates over a whole transfer list, for a footer or a summary.
/// The list keeps them up to date as rows change, so reading them costs
/// nothing however long the list is.
public struct TransferTotals: Sendable, Equatable {
    /// Connecting or moving bytes.
    public var active = 0
    public var queued = 0
    public var paused = 0
    public var done = 0
    public var failed = 0
    public var aborted = 0
    /// Saved by another run, not taken up by this one.
    public var saved = 0
    /// Bytes moved per second over the last few seconds, every transfer
    /// together, finished ones included: right for thousands of tiny files
    /// as for one large one.
    public var bytesPerSecond: Double = 0
    /// Transfers finished per second over the same window.
    public var finishedPerSecond: Double = 0
    /// Bytes still to move for unfinished transfers whose total is known.
    public var remainingBytes: Int64 = 0
    /// Unfinished transfers whose total is not known yet.
    public var unknownTotals = 0

    public init() {}

    public var count: Int { active + queued + paused + done + failed + aborted + saved }
    public var unfinished: Int { active + queued + paused }

    /// Seconds until the list is done at the current pace: the longer of what
    /// the known bytes need at the byte rate and what the number of unfinished
    /// transfers needs at the rate they finish. nil when there is no pace yet.
    public var secondsRemaining: Double? {
        guard unfinished > 0 else { return nil }
        var estimate: Double?
        if bytesPerSecond > 1, remainingBytes > 0 { estimate = Double(remainingBytes) / bytesPerSecond }
        if finishedPerSecond > 0.01 {
            let byCount = Double(unfinished) / finishedPerSecond
            estimate = max(estimate ?? 0, byCount)
        }
        return estimate
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) one row's share.
    public mutating func count(_ row: TransferSnapshot, sign: Int) {
        switch row.state {
        case .active, .connecting: active += sign
        case .queued: queued += sign
        case .paused: paused += sign
        case .done: done += sign
        case .failed: failed += sign
        case .aborted: aborted += sign
        case .saved: saved += sign
        }
        guard row.state.isPending else { return }
        if let total = row.bytesTotal {
            remainingBytes += Int64(sign) * max(0, total - row.bytesDone)
        } else {
            unknownTotals += sign
        }
    }
}
