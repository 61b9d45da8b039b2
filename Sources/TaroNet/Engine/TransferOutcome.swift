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

/// What the engine hands back when a transfer ends with a response.
struct TransferResponse: Sendable {
    var statusCode: Int
    /// Header fields of the final response, in order.
    var fields: [HTTPExchange.Field]
    /// The body, for transfers kept in memory.
    var body: [UInt8]
    /// Final path of a download written to disk.
    var filePath: String?
    var bodyBytes: Int64
    var exchange: HTTPExchange
    var profile: TransferProfile
}

/// Why a transfer did not produce a response. The API layer turns it into
/// WeChat's "<api>:fail <reason>" message.
enum TransferFailure: Error, Sendable, Equatable {
    case aborted
    case timeout
    /// Anything else, already in words: "Failed to connect to 127.0.0.1 port 9: Connection refused".
    case message(String)
    /// A local failure that leaves the .part good up to its synced offset
    /// (the disk filled up): not retried by itself, resumable once fixed.
    case resumable(String)
    /// A failure worth trying again (reset, refused, stalled, 503…), with
    /// the server's Retry-After in seconds when it gave one.
    case transient(String, retryAfter: Double?)

    var reason: String {
        switch self {
        case .aborted: return "abort"
        case .timeout: return "timeout"
        case .message(let text), .transient(let text, _), .resumable(let text): return text
        }
    }

    var keepsPartial: Bool {
        if case .resumable = self { return true }
        return false
    }

    var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }
}

typealias TransferOutcome = Result<TransferResponse, TransferFailure>
