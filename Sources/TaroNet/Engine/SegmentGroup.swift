/// The engine-side state of a segmented download: the plan, the validator
/// every range request must match, and the extra connections. Owned by the
/// primary transfer (the one that asked for the whole file).
final class SegmentGroup {
    var plan: SegmentPlan
    /// Strong ETag or Last-Modified, sent as If-Range.
    let validator: String
    /// Where the ranges are fetched from (after redirects).
    let url: String
    let connections: Int
    let fd: Int32
    /// Running helper connections.
    var children: [EasyTransfer] = []
    /// Helpers created but not yet added to the multi handle.
    var pendingStarts: [EasyTransfer] = []
    /// The primary's own connection has ended.
    var primaryDone = false
    var primaryProfile: TransferProfile?
    /// Set once anything makes the whole download fail.
    var failure: TransferFailure?

    /// No range smaller than this is split off or stolen.
    static let minimumSize: Int64 = 512 * 1024
    /// A segment whose connection drops is fetched again this many times.
    static let maxAttempts = 5

    init(plan: SegmentPlan, validator: String, url: String, connections: Int, fd: Int32) {
        self.plan = plan
        self.validator = validator
        self.url = url
        self.connections = connections
        self.fd = fd
    }

    var isIdle: Bool { primaryDone && children.isEmpty && pendingStarts.isEmpty }
}
