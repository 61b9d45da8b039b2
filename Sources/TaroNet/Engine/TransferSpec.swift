import Foundation

/// Everything the engine needs to run one transfer, fixed when it is queued.
/// A value: the scheduler can keep it to start the transfer again (retry).
struct TransferSpec: Sendable {
    enum Body: Sendable {
        case none
        case bytes([UInt8])
        /// Raw PUT (or other method) of a file, streamed from disk.
        case file(path: String)
        /// multipart/form-data with one file part, streamed from disk.
        case multipart(filePath: String, fieldName: String, fileName: String, fields: [(String, String)])
    }

    enum Sink: Sendable {
        /// Keep the body in memory (requests); chunks go to listeners as they arrive.
        case memory(streamChunks: Bool)
        /// Write the body to `path + ".part"`, renamed to `path` when complete.
        /// With `serverNaming`, a name from Content-Disposition or the redirect
        /// target replaces the file part of `path`, and a name already taken
        /// gets a number ("name-1.ext") instead of failing the transfer.
        case file(path: String, serverNaming: Bool = false)
    }

    var url: String
    var method: String = "GET"
    var headers: [(String, String)] = []
    var body: Body = .none
    var sink: Sink = .memory(streamChunks: false)
    /// Whole-transfer limit; 0 means none.
    var timeoutMilliseconds: Int = 60_000
    var connectTimeoutMilliseconds: Int = 30_000
    var followRedirects: Bool = true
    var maxRedirects: Int = 20
    /// A body larger than this fails the transfer; 0 means no limit.
    var maxBodyBytes: Int64 = 0
    /// Bytes per second; 0 means unlimited (the scheduler paces it, see `BandwidthShares`).
    var maxReceiveRate: Int64 = 0
    var maxSendRate: Int64 = 0
    var verifyTLS: Bool = true
    /// Ask for compressed bodies and let curl decode them (requests only:
    /// a download must keep the server's bytes as they are).
    var acceptEncoding: Bool = false
    /// Fail on an HTTP status of 400 or more instead of saving the error body.
    var failOnHTTPError: Bool = false
    /// How transient failures are retried (the Taro API: never).
    var retry: RetryPolicy = .none
    /// Continue from what is on disk instead of starting over.
    var resume: ResumePoint?
    /// Keep the .part when the transfer fails, so it can be resumed.
    var keepPartial: Bool = false
    /// Fail a transfer slower than 1 byte/s for this many seconds (0: never).
    var stallSeconds: Int = 0
    /// Make the .part durable (fdatasync) and record its offset this often (0: never).
    var durabilityInterval: Duration = .zero
    /// Connections for one download when the server allows ranges; 1 for none.
    var segments: Int = 1
    /// Record the request headers curl sends (for the header pane); costs
    /// curl's verbose bookkeeping, so the headless commands turn it off.
    var captureRequestHeaders: Bool = true
    /// What a downloaded file must hash to before it gets its final name.
    var checksum: Checksum?
    /// Coalescing interval for progress events.
    var progressInterval: Duration = .milliseconds(100)
    /// TLS trust, proxy, credentials, cookies, client name, HTTP version.
    var wire = WireOptions()
}

extension TransferSpec {
    /// The scheme://host:port a per-host concurrency limit counts against,
    /// read from the URL's text (it was validated when the task was made).
    var hostKey: String { Self.hostKey(of: url) }

    static func hostKey(of url: String) -> String {
        guard let range = PathText.authority(url), let schemeEnd = PathText.schemeSeparator(url) else { return url }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        var authority = url[range]
        if let at = authority.utf8.lastIndex(of: UInt8(ascii: "@")) { authority = authority[authority.utf8.index(after: at)...] }
        let hasPort = authority.utf8.last != UInt8(ascii: "]") && authority.utf8.contains(UInt8(ascii: ":"))
        return "\(scheme)://\(authority.lowercased())" + (hasPort ? "" : (scheme == "https" ? ":443" : ":80"))
    }
}

extension TransferSpec {
    /// It sends a body from a file (its rate counts against the upload limit).
    var isUpload: Bool {
        switch body {
        case .file, .multipart: return true
        default: return false
        }
    }
}
