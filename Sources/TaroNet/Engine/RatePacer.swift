import Foundation

/// A token bucket for one transfer's rate cap, consulted by curl's write and
/// read callbacks on the engine thread. libcurl's own
/// CURLOPT_MAX_RECV_SPEED_LARGE (7.88) averages from the start of the
/// transfer and reads whole socket buffers at once, so a cap of 1 MB/s was
/// seen delivering 5 MB in one second and nothing for the next three, and a
/// lowered cap went silent for seconds; pacing each 16 KiB write keeps the
/// rate within a few per cent over any second.
///
/// The bucket may go into debt by one piece: a piece is admitted whenever
/// the balance is not negative, so pieces larger than a second's worth
/// still pass, and the debt is repaid before the next one.
final class RatePacer {
    /// Bytes per second; > 0.
    private(set) var rate: Int64
    private var tokens: Double
    private var last: UInt64

    init(rate: Int64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        self.rate = max(1, rate)
        tokens = 0
        last = now
    }

    /// A new cap, live: the balance is kept, capped at the new burst.
    func setRate(_ rate: Int64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        refill(now)
        self.rate = max(1, rate)
        tokens = min(tokens, burst)
    }

    /// A download's piece of `count` bytes may be taken now (and is charged).
    func admit(_ count: Int, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Bool {
        refill(now)
        guard tokens >= 0 else { return false }
        tokens -= Double(count)
        return true
    }

    /// An upload may send up to `wanted` bytes now; returns how many (0: wait).
    func grant(upTo wanted: Int, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Int {
        refill(now)
        guard tokens >= 1 else { return 0 }
        let granted = min(wanted, Int(tokens))
        tokens -= Double(granted)
        return granted
    }

    /// When the balance is back to zero (nanoseconds of uptime).
    func readyAt(now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> UInt64 {
        refill(now)
        guard tokens < 1 else { return now }
        return now + UInt64((1 - tokens) / Double(rate) * 1e9)
    }

    /// At most a twentieth of a second's worth (and a piece) saved up, so an
    /// idle moment is not followed by a burst.
    private var burst: Double { max(16_384, Double(rate) / 20) }

    private func refill(_ now: UInt64) {
        guard now > last else { return }
        tokens = min(burst, tokens + Double(now - last) * Double(rate) / 1e9)
        last = now
    }
}
