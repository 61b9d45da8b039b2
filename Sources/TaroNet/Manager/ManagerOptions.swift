/// How a TransferManager runs its transfers.
public struct ManagerOptions: Sendable {
    /// Transfers at once (and per host).
    public var limit: Int
    /// Connections per download when the server allows ranges.
    public var segments: Int
    public var retry: RetryPolicy
    /// A connection slower than 1 byte/s for this long counts as failed (and is retried).
    public var stallSeconds: Int
    /// A body larger than this fails the download; 0 for no limit.
    public var maxBodyBytes: Int64
    /// Where unfinished transfers are kept across runs; nil keeps nothing.
    public var stateDirectory: String?
    /// Record each request's headers as sent, for a header pane.
    public var recordRequestHeaders = true
    /// Transfers at once to one host (scheme://host:port); nil for `limit`.
    public var perHostLimit: Int?
    /// Bandwidth shared by all running transfers (changed live with
    /// `TransferManager.setRateLimits`).
    public var rateLimits = RateLimits.none
    /// Each transfer's own cap, unless changed for its row.
    public var transferRateLimits = RateLimits.none
    /// TLS trust, proxy, credentials, cookies, user agent, HTTP version for
    /// every transfer. Kept in memory only: never written to the state directory.
    public var wire = WireOptions()
    /// Connections to one host at most; 0 for no cap beyond `limit`.
    public var maxHostConnections = 0
    /// Written into each record: which kind of run saved it.
    package var owner: StoredTransfer.Owner = .tui

    public init(limit: Int = 4, segments: Int = 1, retry: RetryPolicy = .standard, stallSeconds: Int = 30,
                maxBodyBytes: Int64 = 0, stateDirectory: String? = nil) {
        self.limit = max(1, limit)
        self.segments = max(1, segments)
        self.retry = retry
        self.stallSeconds = stallSeconds
        self.maxBodyBytes = maxBodyBytes
        self.stateDirectory = stateDirectory
    }
}
