import Dispatch
import TaroNet

/// Versions of the list the screen no longer shows, on their way to a
/// background queue that frees them. Such a version holds the last
/// references to whatever the manager replaced since the screen adopted
/// it: chunks it copied, and the header lines of rows that gave them up (a
/// thousand rows behind the newest finished one). Freeing them was a third
/// of a tick at 100,000 rows.
///
/// Handed over eight at a time, or at the first tick that brings nothing,
/// and only once the tick's frame is out (`handOverIfDue`, called by the
/// loop after drawing): each hand-over wakes the queue's thread, which on
/// a busy machine takes the core from the screen's, and freeing eight
/// ticks of replaced chunks (a few hundred kilobytes at most) holds
/// malloc's lock for a millisecond or more. Woken before the frame was
/// drawn, it delayed that frame; woken after, it runs while the screen
/// waits for the next tick.
final class RetiredRows {
    static let batch = 8
    private static let queue = DispatchQueue(label: "taro.tui.retired-rows", qos: .utility)

    /// Holds the only references to the lists it carries until the queue
    /// drops them. Capturing the lists themselves would leave a second
    /// reference with the caller, and whenever the queue ran first (the
    /// screen's thread preempted by the thread it woke) the last release,
    /// and all the freeing, fell back on the screen's thread.
    private final class Box: @unchecked Sendable {
        // @unchecked: filled before the hand-over, emptied only by the queue.
        var lists: [TransferRows] = []
    }

    private var pending = Box()
    /// Nothing was retired since the last hand-over check: the list is
    /// quiet, so whatever waits goes now rather than after eight more.
    private var quietSinceCheck = true

    /// Takes `rows`, a version of the list the caller is about to replace
    /// (so that this holds it alone once it has).
    func retire(_ rows: TransferRows) {
        pending.lists.append(rows)
        quietSinceCheck = false
    }

    /// Sends what waits to the queue when a batch is full, or when no list
    /// was retired since the last call. For after the frame is drawn.
    func handOverIfDue() {
        defer { quietSinceCheck = true }
        guard pending.lists.count >= Self.batch || quietSinceCheck else { return }
        handOver()
    }

    /// Lists held here, not yet handed over.
    var waiting: Int { pending.lists.count }

    /// Sends whatever waits to the queue.
    private func handOver() {
        guard !pending.lists.isEmpty else { return }
        let box = pending
        pending = Box()
        Self.queue.async { box.lists.removeAll() }
    }
}
