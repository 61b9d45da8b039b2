/// When and how often a transient failure (reset, refused, stalled, 408,
/// 429, 5xx) is tried again: exponential backoff with jitter, honouring the
/// server's Retry-After up to a cap.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double
    /// A Retry-After longer than this is cut to it.
    public var retryAfterCap: Double

    public static let none = RetryPolicy(maxAttempts: 1)
    public static let standard = RetryPolicy(maxAttempts: 8)

    public init(maxAttempts: Int, baseDelay: Double = 0.5, maxDelay: Double = 30, retryAfterCap: Double = 120) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryAfterCap = retryAfterCap
    }

    /// Seconds to wait before attempt `attempt + 1`, after `attempt` failed.
    /// `unit` is a random number in 0..<1 (the jitter).
    func delay(after attempt: Int, retryAfter: Double?, unit: Double) -> Double {
        if let retryAfter { return min(max(0, retryAfter), retryAfterCap) }
        let exponential = min(maxDelay, baseDelay * Double(1 << min(max(0, attempt - 1), 20)))
        // "Equal jitter": half fixed, half random, so retries never bunch up.
        return exponential / 2 + exponential / 2 * unit
    }
}
