import Foundation

/// curl's measurements of one finished transfer: the `profile` of a request.
public struct TransferProfile: Sendable, Equatable {
    /// Seconds from the start of the attempt.
    public var nameLookup: Double = 0
    public var connect: Double = 0
    public var tlsHandshake: Double = 0
    public var firstByte: Double = 0
    public var total: Double = 0
    public var bytesReceived: Int64 = 0
    public var bytesSent: Int64 = 0
    /// Average receive rate, bytes per second.
    public var downloadSpeed: Double = 0
    public var uploadSpeed: Double = 0
    public var remoteAddress: String = ""
    public var httpVersion: String = ""
    public var reusedConnection: Bool = false
    public init() {}
}
