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
        /// Saved unfinished by another run and not taken up by this one:
        /// listed, left as it is, until the user continues or discards it.
        case saved

        /// A transfer in one of these states will not change again by itself.
        public var isFinal: Bool { self == .done || self == .failed || self == .aborted }
        /// This run still has work to do on it: not final, and not merely
        /// another run's saved record.
        public var isPending: Bool { !isFinal && self != .saved }
    }

    // Stored fields are laid out in the order declared: the 8- and 16-byte
    // ones come first and the small ones last (see the end), and optional
    // numbers are kept as plain numbers with a value meaning nil, so a row
    // is 128 bytes rather than 192 (the rare error message is boxed with
    // the details). The manager and the TUI each hold one
    // per listed transfer.
    public var id: UInt64
    /// The URL as queued, with any userinfo removed.
    public var url: String
    /// Short name for the list: the file name for downloads and uploads.
    public var name: String
    /// Bytes moved so far (received for downloads, sent for uploads).
    public var bytesDone: Int64
    /// Expected total, nil when the server did not say.
    public var bytesTotal: Int64? {
        get { storedTotal < 0 ? nil : storedTotal }
        set { storedTotal = newValue.map { max(0, $0) } ?? -1 }
    }
    private var storedTotal: Int64 = -1
    /// Smoothed rate in bytes per second, 0 when idle.
    public var bytesPerSecond: Double
    public var statusCode: Int? {
        get { storedStatus == Int32.min ? nil : Int(storedStatus) }
        set { storedStatus = newValue.map { Int32(clamping: $0) } ?? Int32.min }
    }
    /// Why the transfer failed, in words ("downloadFile:fail timeout").
    /// In the details box: most rows of a long list never fail, and the
    /// field cost every row 16 bytes.
    public var errorMessage: String? {
        get { details?.errorMessage }
        set { if newValue != errorMessage { mutateDetails { $0.errorMessage = newValue } } }
    }
    /// 1 for the first try; more after retries.
    public var attempt: Int {
        get { Int(storedAttempt) }
        set { storedAttempt = Int32(clamping: newValue) }
    }
    /// Local file: the destination of a download or the source of an upload.
    public var localPath: String?
    /// What was sent, secrets masked, and what came back, hop by hop.
    public var exchange: HTTPExchange {
        get { details?.exchange ?? HTTPExchange() }
        set { mutateDetails { $0.exchange = newValue } }
    }
    /// How to continue this download from what is on disk, once known.
    package var resume: ResumePoint? {
        get { details?.resume }
        set { mutateDetails { $0.resume = newValue } }
    }
    /// One line per attempt that failed and was tried again: when, and why.
    public var attemptLog: [String] {
        get { details?.attemptLog ?? [] }
        set { mutateDetails { $0.attemptLog = newValue } }
    }
    /// Its own rate cap in bytes per second (0: none), set with the row.
    public var rateLimit: Int64 {
        get { details?.rateLimit ?? 0 }
        set { if newValue != rateLimit { mutateDetails { $0.rateLimit = newValue } } }
    }
    /// Why it waits although a slot may be free: its host is cooling down.
    public var hostWait: HostWait? {
        get { details?.hostWait }
        set { if newValue != hostWait { mutateDetails { $0.hostWait = newValue } } }
    }
    /// The digests the finished file was checked against ("sha256"), when
    /// it was checked: the list shows ✓.
    public var verified: String? {
        get { details?.verified }
        set { mutateDetails { $0.verified = newValue } }
    }
    public var queuedAt: Date
    public var startedAt: Date? {
        get { storedStart.isNaN ? nil : Date(timeIntervalSinceReferenceDate: storedStart) }
        set { storedStart = newValue?.timeIntervalSinceReferenceDate ?? .nan }
    }
    public var finishedAt: Date? {
        get { storedFinish.isNaN ? nil : Date(timeIntervalSinceReferenceDate: storedFinish) }
        set { storedFinish = newValue?.timeIntervalSinceReferenceDate ?? .nan }
    }
    private var storedStart: Double = .nan
    private var storedFinish: Double = .nan

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
        self.bytesPerSecond = bytesPerSecond
        self.localPath = localPath
        self.queuedAt = queuedAt
        // The packed ones, once every stored field has a value.
        self.bytesTotal = bytesTotal
        self.statusCode = statusCode
        self.attempt = attempt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.errorMessage = errorMessage
        if exchange != HTTPExchange() { self.exchange = exchange }
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

    /// This finished row without its details: `statusCode` and the rest
    /// of the row stay, the exchange and attempt log go. What old done
    /// rows of a long list keep: a detail box each was most of its memory.
    public func droppingDetails() -> TransferSnapshot {
        var copy = self
        copy.details = nil
        copy.detailsDropped = true
        copy.errorMessage = errorMessage
        return copy
    }

    // A queued row has no exchange, resume point or attempt log yet: they
    // live in a box shared copy-on-write, absent until first set, so a list
    // of 100,000 waiting rows pays one pointer each for them.
    private var details: Details?

    // The small fields, last, so that they share one word.
    private var storedStatus: Int32 = .min
    private var storedAttempt: Int32 = 1
    public var kind: Kind
    public var state: State
    /// Ran (or will run) without checking the server's certificate (`-k`):
    /// shown on its row and in its pane, so it is never mistaken for a checked one.
    // Last, with the other one-byte fields: it fits in their padding.
    public var insecure = false
    /// Its exchange, resume point and attempt log were let go to save
    /// memory: an old finished row of a long list (see `droppingDetails`).
    public private(set) var detailsDropped = false

    private final class Details: @unchecked Sendable {
        // @unchecked: never mutated once shared (mutateDetails copies first).
        var exchange = HTTPExchange()
        var resume: ResumePoint?
        var attemptLog: [String] = []
        var rateLimit: Int64 = 0
        var hostWait: HostWait?
        var verified: String?
        var errorMessage: String?

        func copy() -> Details {
            let d = Details()
            d.errorMessage = errorMessage
            d.rateLimit = rateLimit
            d.hostWait = hostWait
            d.exchange = exchange
            d.resume = resume
            d.attemptLog = attemptLog
            d.verified = verified
            return d
        }
    }

    private mutating func mutateDetails(_ change: (Details) -> Void) {
        if details == nil {
            details = Details()
        } else if !isKnownUniquelyReferenced(&details!) {
            details = details!.copy()
        }
        change(details!)
    }

    public static func == (a: TransferSnapshot, b: TransferSnapshot) -> Bool {
        a.id == b.id && a.kind == b.kind && a.url == b.url && a.name == b.name && a.state == b.state
            && a.bytesDone == b.bytesDone && a.bytesTotal == b.bytesTotal && a.bytesPerSecond == b.bytesPerSecond
            && a.statusCode == b.statusCode && a.errorMessage == b.errorMessage && a.attempt == b.attempt
            && a.localPath == b.localPath && a.queuedAt == b.queuedAt && a.startedAt == b.startedAt
            && a.finishedAt == b.finishedAt && a.rateLimit == b.rateLimit && a.hostWait == b.hostWait
            && a.detailsDropped == b.detailsDropped
            && (a.details === b.details
                || (a.exchange == b.exchange && a.resume == b.resume && a.attemptLog == b.attemptLog
                    && a.verified == b.verified))
    }
}
