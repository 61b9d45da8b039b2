import Foundation

/// What one transfer looks like at one moment: the read-only view the TUI and
/// the headless printer render. Every string here that came from a server is
/// raw; escaping it for a terminal is the renderer's job (see TerminalText).
public struct TransferSnapshot: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, Equatable {
        case download, upload, request
    }

    public enum State: String, Sendable, Equatable {
        case queued, connecting, active, paused, done, failed, aborted

        /// A transfer in one of these states will not change again by itself.
        public var isFinal: Bool { self == .done || self == .failed || self == .aborted }
    }

    public var id: UInt64
    public var kind: Kind
    /// The URL as queued, with any userinfo removed.
    public var url: String
    /// Short name for the list: the file name for downloads and uploads.
    public var name: String
    public var state: State
    /// Bytes moved so far (received for downloads, sent for uploads).
    public var bytesDone: Int64
    /// Expected total, nil when the server did not say.
    public var bytesTotal: Int64?
    /// Smoothed rate in bytes per second, 0 when idle.
    public var bytesPerSecond: Double
    public var statusCode: Int?
    /// Why the transfer failed, in words ("downloadFile:fail timeout").
    public var errorMessage: String?
    /// 1 for the first try; more after retries.
    public var attempt: Int
    /// Local file: the destination of a download or the source of an upload.
    public var localPath: String?
    /// What was sent, secrets masked, and what came back, hop by hop.
    public var exchange: HTTPExchange
    /// How to continue this download from what is on disk, once known.
    public var resume: ResumePoint?
    /// One line per attempt that failed and was tried again: when, and why.
    public var attemptLog: [String] = []
    public var queuedAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(
        id: UInt64, kind: Kind, url: String, name: String, state: State,
        bytesDone: Int64 = 0, bytesTotal: Int64? = nil, bytesPerSecond: Double = 0,
        statusCode: Int? = nil, errorMessage: String? = nil, attempt: Int = 1,
        localPath: String? = nil, exchange: HTTPExchange = HTTPExchange(),
        queuedAt: Date = Date(), startedAt: Date? = nil, finishedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.url = url
        self.name = name
        self.state = state
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.bytesPerSecond = bytesPerSecond
        self.statusCode = statusCode
        self.errorMessage = errorMessage
        self.attempt = attempt
        self.localPath = localPath
        self.exchange = exchange
        self.queuedAt = queuedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// Integer percent, nil when the total is unknown. Never NaN, never over 100.
    public var percent: Int? {
        guard let total = bytesTotal, total > 0 else {
            return bytesTotal == 0 && state == .done ? 100 : nil
        }
        return Int(min(100, max(0, bytesDone * 100 / total)))
    }

    /// Seconds left at the current rate, nil when it cannot be known.
    public var secondsRemaining: Double? {
        guard state == .active, let total = bytesTotal, bytesPerSecond > 1 else { return nil }
        return Double(max(0, total - bytesDone)) / bytesPerSecond
    }
}
