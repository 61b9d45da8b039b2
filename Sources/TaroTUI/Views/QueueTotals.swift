import TaroNet

/// Counts and rates over the whole queue, for the footer. One pass over the
/// list: cheap even with ten thousand transfers.
struct QueueTotals: Sendable, Equatable {
    var active = 0
    var queued = 0
    var paused = 0
    var done = 0
    var failed = 0
    var aborted = 0
    var bytesPerSecond: Double = 0
    /// Bytes still to move for unfinished transfers whose total is known.
    var remainingBytes: Int64 = 0
    /// Some unfinished transfer has an unknown total: the ETA is a lower bound.
    var remainingUnknown = false

    init(_ items: [TransferSnapshot]) {
        for item in items {
            switch item.state {
            case .active, .connecting:
                active += 1
                if item.bytesPerSecond.isFinite && item.bytesPerSecond > 0 { bytesPerSecond += item.bytesPerSecond }
            case .queued: queued += 1
            case .paused: paused += 1
            case .done: done += 1
            case .failed: failed += 1
            case .aborted: aborted += 1
            }
            if !item.state.isFinal {
                if let total = item.bytesTotal {
                    remainingBytes += max(0, total - item.bytesDone)
                } else {
                    remainingUnknown = true
                }
            }
        }
    }

    var unfinished: Int { active + queued + paused }

    /// Seconds until the whole queue is done at the current aggregate rate.
    var secondsRemaining: Double? {
        guard bytesPerSecond > 1, remainingBytes > 0 else { return nil }
        return Double(remainingBytes) / bytesPerSecond
    }
}
