/// How a transfer meets the network, as curl and aria2c users name it: whom
/// to trust (CA file or directory, or nobody: insecure), which proxy, which
/// credentials, which cookies, the client's name, how long a connect may take
/// and which HTTP version to speak. The defaults are curl's defaults with
/// certificate checks on.
///
/// These are never written to the state directory: a transfer restored in a
/// later run gets that run's options (so a password never sits on disk).
public struct WireOptions: Sendable, Equatable {
    public enum HTTPVersion: String, Sendable, Equatable {
        /// HTTP/2 over TLS when the server offers it, HTTP/1.1 otherwise.
        case automatic
        case http1_1
        /// HTTP/2 also on plain http (an Upgrade), as `curl --http2`.
        case http2
    }

    /// A user name and password for the server (`-u user:pass`). Its
    /// description hides the password, so a log or an error cannot show it.
    public struct Credentials: Sendable, Equatable, CustomStringConvertible {
        public var user: String
        public var password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        public var description: String { "\(user):***" }
    }

    /// Where credentials may come from besides `credentials`.
    public enum Netrc: Sendable, Equatable {
        case ignored
        /// ~/.netrc, or the named file, for hosts that the URL and
        /// `credentials` leave without a password.
        case optional(file: String?)
    }

    /// PEM bundle of the certificate authorities to trust (`--cacert`).
    public var caFile: String?
    /// Directory of hashed CA certificates (`--capath`).
    public var caPath: String?
    /// Skip the certificate and host name checks (`-k`). Never the default;
    /// every row that ran this way is marked.
    public var insecure = false
    /// `scheme://host:port` of the proxy; nil leaves curl's environment
    /// variables (http_proxy, https_proxy) in charge, "" uses none.
    public var proxy: String?
    /// Comma-separated hosts reached without the proxy, "*" for all.
    public var noProxy: String?
    public var credentials: Credentials?
    public var netrc: Netrc = .ignored
    /// `-b`: "name=value; name2=value2", or a file of cookies to send.
    public var cookie: String?
    /// `-c`: where the cookies known at the end are written (Netscape format).
    public var cookieJar: String?
    /// Nil for "taro-tui/VERSION".
    public var userAgent: String?
    /// Nil for the transfer's own default.
    public var connectTimeoutMilliseconds: Int?
    public var httpVersion: HTTPVersion = .automatic
    /// Each segment of a segmented download on a connection of its own, as
    /// over HTTP/1.1; otherwise, over HTTP/2, they are streams of one.
    public var segmentConnections = false

    public init() {}
}
