/// Taro.request's options, with Taro's names.
public struct RequestOption: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT, PATCH
    }

    /// What `data` may be: text, bytes, an object, or any Encodable value.
    public enum Data: Sendable {
        case text(String)
        case bytes([UInt8])
        case object([String: JSONValue])
        case encodable(any Encodable & Sendable)
    }

    public var url: String
    public var data: Data?
    /// Request headers; `content-type: application/json` unless given.
    public var header: [String: String]
    public var method: Method
    /// Milliseconds for the whole request; 0 for no limit.
    public var timeout: Int
    /// "json" parses the body as JSON (falling back to text); anything else leaves it raw.
    public var dataType: String
    /// "text" or "arraybuffer".
    public var responseType: String
    /// Deliver the body through onChunkReceived as it arrives.
    public var enableChunked: Bool
    /// "follow" redirects, or "manual": a 3xx fires headersReceived and ends the request.
    public var redirect: String
    public var success: (@Sendable (RequestResult) -> Void)?
    public var fail: (@Sendable (TaroError) -> Void)?
    public var complete: (@Sendable (TaroCallbackResult) -> Void)?
    /// Beyond Taro: a body larger than this fails the request, so an endless
    /// one cannot fill memory. 64 MiB unless set; 0 for no limit.
    public var maxBodyBytes: Int64 = 64 << 20
    /// Beyond Taro: TLS trust (`--cacert`, `--insecure`), proxy, credentials,
    /// cookies, user agent, connect timeout and HTTP version.
    public var wire = WireOptions()

    public init(url: String, data: Data? = nil, header: [String: String] = [:], method: Method = .GET,
                timeout: Int = 60_000, dataType: String = "json", responseType: String = "text",
                enableChunked: Bool = false, redirect: String = "follow",
                success: (@Sendable (RequestResult) -> Void)? = nil,
                fail: (@Sendable (TaroError) -> Void)? = nil,
                complete: (@Sendable (TaroCallbackResult) -> Void)? = nil) {
        self.url = url
        self.data = data
        self.header = header
        self.method = method
        self.timeout = timeout
        self.dataType = dataType
        self.responseType = responseType
        self.enableChunked = enableChunked
        self.redirect = redirect
        self.success = success
        self.fail = fail
        self.complete = complete
    }
}
