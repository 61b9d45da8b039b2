import Foundation

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
