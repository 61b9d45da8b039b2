import Foundation

/// Bytes moved and transfers finished, over a sliding window of a few
/// seconds: the list's rate, right for thousands of tiny files (each done
/// before it ever shows a rate of its own) and for one large one.
struct RateWindow {
    private var samples: [(time: UInt64, bytes: Int64, finished: Int)] = []
    /// Everything moved and finished so far, by every transfer.
    private(set) var bytes: Int64 = 0
    private(set) var finished = 0
    private static let window: UInt64 = 3_000_000_000
    private static let step: UInt64 = 200_000_000

    mutating func add(bytes moved: Int64) { bytes += max(0, moved) }
    mutating func addFinished() { finished += 1 }

    /// (bytes per second, finished per second) as of `now`.
    mutating func rates(now: UInt64) -> (Double, Double) {
        if samples.last.map({ now &- $0.time >= Self.step }) ?? true {
            samples.append((now, bytes, finished))
        }
        while samples.count > 2, now &- samples[1].time > Self.window { samples.removeFirst() }
        guard let first = samples.first, now > first.time else { return (0, 0) }
        // A window that has not filled yet counts from its first sample; an
        // idle one decays to zero as its samples age out.
        let seconds = max(1.0, Double(now - first.time) / 1e9)
        return (Double(bytes - first.bytes) / seconds, Double(finished - first.finished) / seconds)
    }
}
