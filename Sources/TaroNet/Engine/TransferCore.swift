import TaroSync
import Foundation
import Synchronization

/// The live record of one running transfer: what the engine observed so far
/// (bytes, rate, exchange, resume point, name), read by snapshots from any
/// thread. The lifecycle `state` in it is written only through the
/// scheduler's observer calls: the engine reports phases, never states.
/// `handler`, when set, is the API task that hears headers, progress and chunks.
final class TransferCore: Sendable {
    private static let nextTag = Atomic<UInt64>(1)

    /// A process-wide unique tag: transfers of every session and every
    /// manager row are told apart by it.
    static func makeTag() -> UInt64 { nextTag.add(1, ordering: .relaxed).oldValue }

    let id: UInt64
    let kind: TransferSnapshot.Kind
    let handler: (any TransferEventHandler)?
    private let live: Locked<LiveState>

    private struct LiveState {
        var snapshot: TransferSnapshot
        var sampleTime: UInt64 = 0
        var sampleBytes: Int64 = 0
        var version: UInt64 = 0
    }

    init(id: UInt64 = TransferCore.makeTag(), kind: TransferSnapshot.Kind, url: String, name: String,
         localPath: String?, handler: (any TransferEventHandler)?) {
        self.id = id
        self.kind = kind
        self.handler = handler
        self.live = Locked(LiveState(snapshot: TransferSnapshot(
            id: id, kind: kind, url: URLRedaction.withoutUserinfo(url), name: name, state: .queued,
            localPath: localPath)))
    }

    /// Starts from a row's last known details (a manager row's next attempt).
    init(id: UInt64, snapshot: TransferSnapshot, handler: (any TransferEventHandler)?) {
        self.id = id
        self.kind = snapshot.kind
        self.handler = handler
        self.live = Locked(LiveState(snapshot: snapshot))
    }

    func snapshot() -> TransferSnapshot { live.withLock { $0.snapshot } }

    /// Increases whenever anything in the snapshot changed.
    var version: UInt64 { live.withLock { $0.version } }

    /// The snapshot, if it changed since `version`.
    func snapshot(ifNewerThan version: UInt64) -> (UInt64, TransferSnapshot)? {
        live.withLock { $0.version == version ? nil : ($0.version, $0.snapshot) }
    }

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
            s.version &+= 1
        }
    }

    /// A checkpoint reached the disk: resuming may start from `point`, if it
    /// still belongs to the same file.
    func recordDurable(_ point: ResumePoint) {
        update { if $0.resume?.validator == point.validator { $0.resume = point } }
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

    /// Applies a state the scheduler's machine projects, with its timestamps.
    func show(_ state: TransferSnapshot.State) {
        update { s in
            s.state = state
            if state == .connecting && s.startedAt == nil { s.startedAt = Date() }
        }
    }

    /// Records a failed attempt that will be tried again.
    func noteRetry(_ failure: TransferFailure, after seconds: Double) {
        update {
            let line = "attempt \($0.attempt) failed: \(failure.reason); retrying in \(String(format: "%.1f", seconds)) s"
            $0.attempt += 1
            $0.attemptLog.append(line)
            $0.errorMessage = failure.reason
            $0.bytesPerSecond = 0
        }
        resetRate()
    }

    /// The final state, from the outcome.
    func settle(_ outcome: TransferOutcome) {
        update { $0.settle(outcome) }
    }
}
