/// Where a waiting transfer goes when the person reorders the queue.
public enum QueuePlacement: Sendable, Equatable {
    /// Next to start.
    case top
    /// Last to start.
    case bottom
    /// Just before (after) another waiting transfer.
    case before(UInt64)
    case after(UInt64)
}
