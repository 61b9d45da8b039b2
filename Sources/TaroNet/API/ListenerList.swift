import Synchronization

/// Listeners of one event kind, in registration order. The same closure
/// registered twice is two entries and fires twice.
final class ListenerList<Event: Sendable>: Sendable {
    typealias Listener = @Sendable (Event) throws -> Void

    private struct State {
        var next: UInt64 = 1
        var items: [(token: ListenerToken, listener: Listener)] = []
    }

    private let state = Mutex(State())

    func add(_ listener: @escaping Listener) -> ListenerToken {
        state.withLock { s in
            let token = ListenerToken(value: s.next)
            s.next += 1
            s.items.append((token, listener))
            return token
        }
    }

    /// Removes one listener, or all of them when `token` is nil.
    func remove(_ token: ListenerToken?) {
        state.withLock { s in
            if let token {
                s.items.removeAll { $0.token == token }
            } else {
                s.items.removeAll()
            }
        }
    }

    var isEmpty: Bool { state.withLock { $0.items.isEmpty } }

    /// Calls each listener in order. One that throws does not stop the others.
    func fire(_ event: Event) {
        let listeners = state.withLock { $0.items.map(\.listener) }
        for listener in listeners {
            do {
                try listener(event)
            } catch {
                // A listener's error is its own; the task and the other listeners go on.
            }
        }
    }
}
