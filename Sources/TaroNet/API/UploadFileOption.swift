/// Taro.uploadFile's options, with Taro's names.
public struct UploadFileOption: Sendable {
    /// How the file is sent.
    public enum Method: Sendable, Equatable {
        /// multipart/form-data POST, as Taro does: the file under `name`, plus `formData`.
        case multipart
        /// The file as the raw body of a PUT (presigned-URL style); `name` and `formData` unused.
        case put
    }

    public var url: String
    public var filePath: String
    /// The form field the file goes under.
    public var name: String
    public var header: [String: String]
    public var formData: [String: String]
    /// Milliseconds for the whole upload; 0 for no limit.
    public var timeout: Int
    public var success: (@Sendable (UploadFileResult) -> Void)?
    public var fail: (@Sendable (TaroError) -> Void)?
    public var complete: (@Sendable (TaroCallbackResult) -> Void)?

    // Beyond Taro:
    public var method: Method
    public var priority: Int
    public var progressInterval: Duration
    /// Bytes per second sent; 0 for unlimited. Exact for a raw PUT; a
    /// multipart body is read by libcurl itself, whose own limit is coarser.
    public var maxSendRate: Int64
    /// Beyond Taro: TLS trust (`--cacert`, `--insecure`), proxy, credentials,
    /// cookies, user agent, connect timeout and HTTP version.
    public var wire = WireOptions()

    public init(url: String, filePath: String, name: String = "file", header: [String: String] = [:],
                formData: [String: String] = [:], timeout: Int = 60_000, method: Method = .multipart,
                priority: Int = 0, progressInterval: Duration = .milliseconds(100), maxSendRate: Int64 = 0,
                success: (@Sendable (UploadFileResult) -> Void)? = nil,
                fail: (@Sendable (TaroError) -> Void)? = nil,
                complete: (@Sendable (TaroCallbackResult) -> Void)? = nil) {
        self.url = url
        self.filePath = filePath
        self.name = name
        self.header = header
        self.formData = formData
        self.timeout = timeout
        self.method = method
        self.priority = priority
        self.progressInterval = progressInterval
        self.maxSendRate = maxSendRate
        self.success = success
        self.fail = fail
        self.complete = complete
    }
}
