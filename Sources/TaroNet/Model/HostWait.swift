import Foundation

/// A transfer waits because its host is cooling down: why, and until when.
public struct HostWait: Sendable, Equatable {
    /// "HTTP 429 Retry-After", "3 connection failures".
    public var reason: String
    public var until: Date

    public init(reason: String, until: Date) {
        self.reason = reason
        self.until = until
    }
}
