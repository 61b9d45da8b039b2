import Foundation
import Synchronization

/// The shared heart of one transfer: its identity, its live state (read by
/// snapshots from any thread, written by the engine and the scheduler) and
/// the handler that delivers events to the user's listeners.
final class TransferCore: Sendable {
    private static let nextID = Atomic<UInt64>(1)

    let id: UInt64
    let kind: TransferSnapshot.Kind
    let handler: any TransferEventHandler
    private let live: Mutex<LiveState>

    private struct LiveState {
        var snapshot: TransferSnapshot
        var sampleTime: UInt64 = 0
        var sampleBytes: Int64 = 0
        var version: UInt64 = 0
    }

    init(kind: TransferSnapshot.Kind, url: String, name: String, localPath: String?,
         handler: any TransferEventHandler) {
        let id = Self.nextID.add(1, ordering: .relaxed).oldValue
        self.id = id
        self.kind = kind
        self.handler = handler
        self.live = Mutex(LiveState(snapshot: TransferSnapshot(
            id: id, kind: kind, url: URLRedaction.withoutUserinfo(url), name: name, state: .queued,
            localPath: localPath)))
    }

    func snapshot() -> TransferSnapshot { live.withLock { $0.snapshot } }

    /// Increases whenever anything in the snapshot changed.
    var version: UInt64 { live.withLock { $0.version } }

    func update(_ change: (inout TransferSnapshot) -> Void) {
        live.withLock {
            change(&$0.snapshot)
            $0.version &+= 1
        }
    }

    /// Records a progress sample and refreshes the smoothed rate.
    func recordProgress(done: Int64, total: Int64?, now: UInt64) {
        live.withLock { s in
            if s.sampleTime == 0 {
                s.sampleTime = now
                s.sampleBytes = done
            } else if now > s.sampleTime {
                let dt = Double(now - s.sampleTime) / 1e9
                if dt >= 0.05 {
                    let rate = Double(max(0, done - s.sampleBytes)) / dt
                    // Exponential moving average with a ~1.5 s time constant.
                    let alpha = 1 - exp(-dt / 1.5)
                    let old = s.snapshot.bytesPerSecond
                    s.snapshot.bytesPerSecond = old == 0 ? rate : old + alpha * (rate - old)
                    s.sampleTime = now
                    s.sampleBytes = done
                }
            }
            s.snapshot.bytesDone = done
            s.snapshot.bytesTotal = total
            if s.snapshot.state == .connecting { s.snapshot.state = .active }
            s.version &+= 1
        }
    }

    /// Forgets the rate samples (a new attempt starts from zero).
    func resetRate() {
        live.withLock {
            $0.sampleTime = 0
            $0.sampleBytes = 0
            $0.snapshot.bytesPerSecond = 0
            $0.version &+= 1
        }
    }
}
