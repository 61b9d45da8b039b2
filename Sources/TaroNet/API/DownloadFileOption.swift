/// Taro.downloadFile's options, with Taro's names.
public struct DownloadFileOption: Sendable {
    public var url: String
    /// Request headers.
    public var header: [String: String]
    /// Milliseconds for the whole transfer; 0 for no limit.
    public var timeout: Int
    /// Where to save the file. Without it the file goes to a temporary path,
    /// returned as `tempFilePath`.
    public var filePath: String?
    public var success: (@Sendable (DownloadFileResult) -> Void)?
    public var fail: (@Sendable (TaroError) -> Void)?
    public var complete: (@Sendable (TaroCallbackResult) -> Void)?

    // Beyond Taro:
    /// Higher runs first among waiting transfers.
    public var priority: Int
    /// Bytes per second; 0 for unlimited.
    public var maxReceiveRate: Int64
    /// A body larger than this fails the download; 0 for no limit.
    public var maxBodyBytes: Int64
    /// How often progress listeners fire at most.
    public var progressInterval: Duration
    /// Fail on an HTTP status of 400 or more instead of saving the error body.
    public var failOnHTTPError = false
    /// How transient failures (reset, refused, stalled, 408/429/5xx) are
    /// retried, resuming where the server allows it. Taro itself never retries.
    public var retry: RetryPolicy = .none
    /// Beyond Taro: TLS trust (`--cacert`, `--insecure`), proxy, credentials,
    /// cookies, user agent, connect timeout and HTTP version.
    public var wire = WireOptions()

    // Used by TransferManager: resume from disk, keep the .part on failure,
    // detect stalls, and record durable offsets.
    var resume: ResumePoint?
    var keepPartial = false
    var stallSeconds = 0
    var durabilityInterval: Duration = .zero
    var captureRequestHeaders = true

    /// Fetch the file over this many connections when the server allows
    /// ranges (with a strong validator); one connection otherwise.
    public var segments = 1
    /// Let Content-Disposition or the redirect target name the file inside
    /// filePath's directory, numbering it when the name is taken.
    public var serverNaming = false
    /// What the file must hash to (`try Checksum(parsing: "sha256=…")`).
    /// Checked, like a digest the server sends (Repr-Digest, Digest), before
    /// the file gets its final name; a mismatch fails the download and
    /// leaves the bytes as NAME.part.
    public var checksum: Checksum?

    public init(url: String, header: [String: String] = [:], timeout: Int = 60_000, filePath: String? = nil,
                priority: Int = 0, maxReceiveRate: Int64 = 0, maxBodyBytes: Int64 = 0,
                progressInterval: Duration = .milliseconds(100),
                success: (@Sendable (DownloadFileResult) -> Void)? = nil,
                fail: (@Sendable (TaroError) -> Void)? = nil,
                complete: (@Sendable (TaroCallbackResult) -> Void)? = nil) {
        self.url = url
        self.header = header
        self.timeout = timeout
        self.filePath = filePath
        self.priority = priority
        self.maxReceiveRate = maxReceiveRate
        self.maxBodyBytes = maxBodyBytes
        self.progressInterval = progressInterval
        self.success = success
        self.fail = fail
        self.complete = complete
    }
}
