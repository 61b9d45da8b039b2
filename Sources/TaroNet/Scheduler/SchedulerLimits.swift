/// How many transfers run at once, in all and per host (scheme://host:port),
/// and how long a paused transfer keeps its connection.
public struct SchedulerLimits: Sendable, Equatable {
    public var global: Int
    public var perHost: Int
    /// Seconds a paused download keeps its connection open; after that it is
    /// closed and the download continues later with a ranged request
    /// (libcurl's pause keeps the socket and, on HTTP/2, buffers the stream).
    public var pauseGrace: Double

    /// 16 at once, 8 per host: enough to fill a fast link, polite to one server.
    public static let `default` = SchedulerLimits(global: 16, perHost: 8)

    public init(global: Int, perHost: Int, pauseGrace: Double = 5) {
        self.global = max(1, global)
        self.perHost = max(1, perHost)
        self.pauseGrace = max(0, pauseGrace)
    }
}
