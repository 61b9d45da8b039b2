import Foundation

/// A loopback HTTP/1.1 server whose responses are scripted by URL (sizes,
/// ranges, throttling, stalls, broken framing, hostile headers, redirects,
/// upload sinks), used by the test suites, the TUI's demo mode and the
/// benchmarks. Every response body is `DeterministicBody`, so clients can
/// verify what they received. See `Router` for the routes.
///
/// The server starts accepting as soon as `init` returns and runs until
/// `stop()` or deinit.
public final class TaroServer: Sendable {
    /// The port actually bound (the kernel's choice when 0 was requested).
    public let port: UInt16
    public let host: String
    private let core: ServerCore

    public init(host: String = "127.0.0.1", port: UInt16 = 0) throws {
        let listener = try ListeningSocket.open(host: host, port: port)
        self.host = host
        self.port = listener.port
        core = ServerCore(listener: listener.socket)
        AcceptLoop.start(core: core, listener: listener.socket)
    }

    deinit {
        stop()
    }

    /// `http://HOST:PORT`, without a trailing slash.
    public var baseURL: String { "http://\(host):\(port)" }

    /// `baseURL` followed by `pathAndQuery`, e.g. `url("/bytes/1024?seed=3")`.
    public func url(_ pathAndQuery: String) -> String {
        baseURL + pathAndQuery
    }

    /// Closes the listener and every open connection, and waits (bounded) for
    /// the server's threads to finish. Idempotent.
    public func stop() {
        core.stop()
    }

    /// Serves `resource` at `path` (an exact path such as "/file.bin"), replacing
    /// any earlier one; later requests see the new content and validators.
    public func setResource(_ path: String, _ resource: ServedResource) {
        core.setResource(resource, at: path)
    }

    public func removeResource(_ path: String) {
        core.setResource(nil, at: path)
    }

    public func resource(_ path: String) -> ServedResource? {
        core.resource(at: path)
    }

    /// Every request received since start (or `resetStats()`), in order.
    public var requestLog: [LoggedRequest] { core.read { $0.requestLog } }

    /// Every `/upload` result since start (or `resetStats()`), in order.
    public var uploads: [UploadRecord] { core.read { $0.uploads } }

    /// The most requests that were in flight at once (headers parsed, response
    /// not yet fully sent).
    public var peakConcurrentRequests: Int { core.read { $0.peakConcurrentRequests } }

    public var currentRequests: Int { core.read { $0.currentRequests } }

    /// Bytes written to and read from client sockets since start: what a
    /// rate limit is measured against, at the wire (headers included).
    public var bytesSent: Int64 { core.wire.bytesSent }
    public var bytesReceived: Int64 { core.wire.bytesReceived }

    /// Connections currently open.
    public var openConnections: Int { core.read { $0.openConnections.count } }

    /// Clears the request log and uploads, and restarts the peak from the
    /// requests in flight now.
    public func resetStats() {
        core.resetStats()
    }
}
