import Synchronization

/// Identifies one registered listener; `off…(token)` removes exactly it.
public struct ListenerToken: Hashable, Sendable {
    let value: UInt64
}
