import CSystem
import Foundation
import Synchronization
import TaroSync

/// One thread that does the engine's blocking disk work: syncs, renames and
/// checkpoints. Jobs that arrive together share the work: a batch of several
/// files is made durable with one `syncfs` (one journal commit) instead of
/// one fsync each, then each file is named. Results go back to the engine in
/// one message per batch.
final class DiskWorker: Sendable {
    private struct Queue {
        var jobs: [DiskJob] = []
        var closing = false
    }

    private let queue = Locked(Queue())
    private let wake = WakeSignal()
    private let done = DispatchSemaphore(value: 0)
    private let report: @Sendable ([(UInt64, TransferOutcome)]) -> Void
    /// Jobs handed in whose outcome is not reported yet (finalize and
    /// suspend; a checkpoint reports nothing): how far the disk is behind.
    private let unanswered = Atomic<Int>(0)
    /// Unnamed files opened here between batches, for downloads to start in.
    let unnamedFiles: UnnamedFilePool

    init(report: @escaping @Sendable ([(UInt64, TransferOutcome)]) -> Void) {
        self.report = report
        let wake = self.wake
        unnamedFiles = UnnamedFilePool(wake: { wake.signal() })
        NamedThread.start("taro-disk", stackSize: 512 << 10) { [self] in
            BackgroundPriority.applyToCurrentThread()
            self.run()
            self.done.signal()
        }
    }

    func submit(_ job: DiskJob) {
        if job.reports { unanswered.add(1, ordering: .relaxed) }
        queue.withLock { $0.jobs.append(job) }
        wake.signal()
    }

    /// Transfers handed in that wait for their outcome (being synced or named).
    var backlog: Int { unanswered.load(ordering: .relaxed) }

    /// Finishes every job handed in so far, then stops the thread.
    func finish() {
        queue.withLock { $0.closing = true }
        wake.signal()
        done.wait()
    }

    private func run() {
        while true {
            let (batch, closing) = queue.withLock { q -> ([DiskJob], Bool) in
                defer { q.jobs.removeAll(keepingCapacity: true) }
                return (q.jobs, q.closing)
            }
            if batch.isEmpty {
                if closing {
                    unnamedFiles.closeAll()
                    return
                }
                unnamedFiles.refill()
                wake.wait()
                continue
            }
            let results = Self.process(batch)
            if !results.isEmpty {
                unanswered.subtract(results.count, ordering: .relaxed)
                report(results)
            }
            unnamedFiles.refill()
        }
    }

    /// Does one batch: flush, make durable together, then name or record.
    static func process(_ batch: [DiskJob]) -> [(UInt64, TransferOutcome)] {
        EngineThread.assertNotCurrent("disk work")
        var flushFailures: [Int: TransferFailure] = [:]
        var descriptors: [Int32] = []
        for (i, job) in batch.enumerated() {
            switch job {
            case .finalize(_, let sink, _, _):
                do throws(TransferFailure) {
                    try sink.flushForSync()
                    descriptors.append(sink.fd)
                } catch {
                    flushFailures[i] = error
                }
            case .suspend(_, let fd, _, _, _), .checkpoint(let fd, _, _):
                descriptors.append(fd)
            }
        }
        // One journal commit for the whole batch; a single file needs only its own.
        var synced = Set<Int32>()
        if descriptors.count > 1, taro_syncfs(descriptors[0]) == 0 {
            synced = Set(descriptors)
        }
        func durable(_ fd: Int32) -> Bool { synced.contains(fd) || fdatasync(fd) == 0 }

        var results: [(UInt64, TransferOutcome)] = []
        for (i, job) in batch.enumerated() {
            switch job {
            case .finalize(let tag, let sink, var response, let core):
                if let failure = flushFailures[i] {
                    sink.discard()
                    results.append((tag, .failure(failure)))
                    continue
                }
                do throws(TransferFailure) {
                    guard durable(sink.fd) else {
                        throw .message("fsync \(sink.partPath): \(String(cString: strerror(errno)))")
                    }
                    let verified: String?
                    do throws(TransferFailure) {
                        verified = try sink.verify()
                    } catch {
                        // Wrong bytes: never under the final name, kept as .part
                        // to inspect, and a retry starts from zero.
                        sink.keepForInspection()
                        core.update { $0.resume = nil }
                        throw error
                    }
                    if let verified { core.update { $0.verified = verified } }
                    try sink.linkFinalName()
                    response.filePath = sink.finalPath
                    // A taken name got a number: show the file that was written.
                    let path = sink.finalPath
                    core.update { $0.localPath = path; $0.name = PathText.lastComponent(path) }
                    results.append((tag, .success(response)))
                } catch {
                    sink.discard()
                    results.append((tag, .failure(error)))
                }
            case .suspend(let tag, let fd, let point, let core, let failure):
                if durable(fd) { core.recordDurable(point) }
                close(fd)
                results.append((tag, .failure(failure)))
            case .checkpoint(let fd, let point, let core):
                if durable(fd) { core.recordDurable(point) }
                close(fd)
            }
        }
        return results
    }
}
