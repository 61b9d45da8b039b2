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

    /// How many finished transfers may wait for the disk (their file
    /// synced, then named) after giving back their slot; past that, a
    /// finishing transfer keeps its slot until the disk answers. The disk
    /// worker syncs what waits in one batch: with no more waiting than
    /// running (-j 16), W2 made a batch of about 15 files and 61-70 syncs
    /// per 1000 files; with up to three slots' worth more (at most 64, each
    /// an open file), 37-56 syncs (one run 80) and fewer context switches (400-770
    /// voluntary ones a run against 580-930).
    var diskBacklog: Int { global + min(global * 3, 64) }

    public init(global: Int, perHost: Int, pauseGrace: Double = 5) {
        self.global = max(1, global)
        self.perHost = max(1, perHost)
        self.pauseGrace = max(0, pauseGrace)
    }
}
