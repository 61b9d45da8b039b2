import Foundation
import TaroSync

/// Collects events from listeners on any thread, in arrival order.
final class EventRecorder<Event: Sendable>: Sendable {
    private let items = Locked<[Event]>([])

    func append(_ event: Event) { items.withLock { $0.append(event) } }
    var all: [Event] { items.withLock { $0 } }
    var count: Int { items.withLock { $0.count } }

    /// Waits (bounded) until `condition` holds for the events seen so far.
    func wait(timeout: TimeInterval = 10, until condition: ([Event]) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(all)
    }
}
