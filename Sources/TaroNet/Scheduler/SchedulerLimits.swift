/// How many transfers run at once, in all and per host (scheme://host:port).
public struct SchedulerLimits: Sendable, Equatable {
    public var global: Int
    public var perHost: Int

    /// 16 at once, 8 per host: enough to fill a fast link, polite to one server.
    public static let `default` = SchedulerLimits(global: 16, perHost: 8)

    public init(global: Int, perHost: Int) {
        self.global = max(1, global)
        self.perHost = max(1, perHost)
    }
}
