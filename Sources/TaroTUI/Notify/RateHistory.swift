/// The last minute of rates: one sample a second, at most `capacity` kept,
/// oldest first. A second in which no sample was offered is recorded as the
/// last rate seen, so a slow tick does not read as a stall.
public struct RateHistory: Equatable, Sendable {
    public static let defaultCapacity = 60
    public let capacity: Int
    public private(set) var samples: [Double] = []
    /// The whole second of the newest sample, on the clock the caller uses.
    private var lastSecond: Int64?

    public init(capacity: Int = RateHistory.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// Records `rate` for the second `now` falls in; a second already
    /// recorded keeps its first sample. Returns whether a sample was added.
    @discardableResult
    public mutating func record(_ rate: Double, atSecond now: Int64) -> Bool {
        if let lastSecond {
            guard now > lastSecond else { return false }
            // Seconds skipped (a long tick) repeat the last rate, up to a minute.
            let gap = min(Int64(capacity), now - lastSecond - 1)
            if gap > 0, let previous = samples.last {
                for _ in 0..<gap { append(previous) }
            }
        }
        lastSecond = now
        append(rate.isFinite ? max(0, rate) : 0)
        return true
    }

    private mutating func append(_ value: Double) {
        samples.append(value)
        if samples.count > capacity { samples.removeFirst(samples.count - capacity) }
    }
}
