import TaroSync

/// Listeners of one event kind, in registration order. The same closure
/// registered twice is two entries and fires twice.
///
/// A sticky list remembers the event it fired last and hands it to a
/// listener added afterwards. That is what a once-per-task event such as the
/// final headers needs: a caller registers right after creating the task,
/// and on loopback the response can be in before that line runs. In the
/// single-threaded original the listener would always have been first.
///
/// A list with a backlog keeps every event fired before its first listener
/// and hands them all, in order, to the listeners present when the backlog
/// is drained: for a stream of pieces (a body's chunks) where the last one
/// alone is not enough. Firing and draining both run on the hub's queue, so
/// a drained event never overtakes or follows out of order a live one.
final class ListenerList<Event: Sendable>: Sendable {
    typealias Listener = @Sendable (Event) throws -> Void

    private struct State {
        var next: UInt64 = 1
        var items: [(token: ListenerToken, listener: Listener)] = []
        /// The last event fired, kept only when sticky.
        var last: Event?
        /// Counts firings, so a replay that a newer firing overtook is dropped.
        var fired: UInt64 = 0
        /// Events fired before the backlog was drained (backlog lists only).
        var backlog: [Event] = []
        var drained = false
    }

    private let sticky: Bool
    let keepsBacklog: Bool
    private let state = Locked(State())

    init(sticky: Bool = false, backlog: Bool = false) {
        self.sticky = sticky
        self.keepsBacklog = backlog
    }

    /// Hands the events fired so far to the listeners there now, once: the
    /// first listener's first call. Nothing while no listener is there.
    func drainBacklog() {
        let (events, listeners) = state.withLock { s -> ([Event], [Listener]) in
            guard keepsBacklog, !s.drained, !s.items.isEmpty else { return ([], []) }
            s.drained = true
            defer { s.backlog = [] }
            return (s.backlog, s.items.map(\.listener))
        }
        for event in events {
            for listener in listeners {
                do { try listener(event) } catch {}
            }
        }
    }

    /// Adds a listener. When the list is sticky and has already fired, the
    /// event it missed comes back with the token; the caller delivers it on
    /// the queue the list fires on, so it cannot overtake a later event.
    func add(_ listener: @escaping Listener) -> (token: ListenerToken, missed: Missed?) {
        state.withLock { s in
            let token = ListenerToken(value: s.next)
            s.next += 1
            s.items.append((token, listener))
            return (token, s.last.map { Missed(event: $0, token: token, firing: s.fired) })
        }
    }

    /// An event a listener added late is owed.
    struct Missed: Sendable {
        let event: Event
        let token: ListenerToken
        let firing: UInt64
    }

    /// Calls the late listener, unless it was removed in the meantime or a
    /// newer event has reached it already.
    func replay(_ missed: Missed) {
        let listener = state.withLock { s in
            s.fired == missed.firing ? s.items.first { $0.token == missed.token }?.listener : nil
        }
        guard let listener else { return }
        do { try listener(missed.event) } catch {}
    }

    /// Remembers an event no listener is there to hear (sticky lists only),
    /// without the cost of a firing.
    func remember(_ event: Event) {
        guard sticky else { return }
        state.withLock { s in
            guard s.items.isEmpty else { return }
            s.last = event
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
        // Remembering and listing under one lock: a listener is either in
        // this firing or handed the event by `add`, never both.
        let listeners = state.withLock { s -> [Listener] in
            if keepsBacklog && !s.drained {
                s.backlog.append(event)
                return []
            }
            if sticky { s.last = event }
            s.fired &+= 1
            return s.items.map(\.listener)
        }
        for listener in listeners {
            do {
                try listener(event)
            } catch {
                // A listener's error is its own; the task and the other listeners go on.
            }
        }
    }
}
