import CCurl
import Foundation

/// The engine thread's curl side: the multi handle and the transfers on it.
/// The scheduler calls `start`, `cancel`, `pause` and `resume`; the thread's
/// loop calls `perform` and `poll`. What happened comes back as events.
/// Nothing here is touched by another thread.
// @unchecked: confined to the engine thread (asserted in debug builds); the
// scheduler, isolated to that thread too, holds it to start and stop transfers.
final class EngineLoop: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    let context: EngineContext
    private(set) var transfers: [UInt64: EasyTransfer] = [:]
    /// Which transfers may join the multi handle yet (HTTP/2 connection sharing).
    private let gate = OriginGate()
    /// The transfers the gate holds, kept as the scheduler gave them until
    /// admitted: an easy handle with its options is some 8 KiB of heap, and
    /// with -j 200 to one HTTP/2 origin 100 of them only waited (about half
    /// a MiB of W7's peak RSS). Whatever acts on a held transfer makes it
    /// first (`materialize`), so that it meets what it always did.
    private var held: [UInt64: TransferAttempt] = [:]

    init(multi: UnsafeMutableRawPointer, disk: DiskWorker, share: CurlShare? = nil) {
        self.multi = multi
        self.context = EngineContext(disk: disk, share: share)
    }

    var isIdle: Bool { transfers.isEmpty && held.isEmpty }

    /// Events produced since the last call, for the scheduler.
    func takeEvents() -> [EngineEvent] {
        guard !context.events.isEmpty else { return [] }
        defer { context.events.removeAll(keepingCapacity: true) }
        return context.events
    }

    var hasEvents: Bool { !context.events.isEmpty }

    // MARK: commands (from the scheduler, on this thread)

    func start(_ id: UInt64, _ attempt: TransferAttempt) {
        held[id] = attempt
        guard gate.admit(id, spec: attempt.spec) else { return }
        if let transfer = materialize(id) { curl_multi_add_handle(multi, transfer.handle) }
    }

    /// The transfer of `id`, made from its held attempt if it has none yet;
    /// nil when there is none, or it could not be made (which is reported
    /// as its outcome, and frees its place at the gate).
    @discardableResult
    func materialize(_ id: UInt64) -> EasyTransfer? {
        if let transfer = transfers[id] { return transfer }
        guard let attempt = held.removeValue(forKey: id) else { return nil }
        do {
            let transfer = try EasyTransfer(core: attempt.core, spec: attempt.spec, context: context)
            transfers[id] = transfer
            return transfer
        } catch {
            gate.released(id)
            context.events.append(.finished(id, .failure(error)))
            return nil
        }
    }

    /// Closes a paused transfer's connection and keeps its .part for a
    /// ranged request later; the answer comes back as `finished` with a
    /// failure once the disk worker made the data durable. Only for one
    /// `canSuspend` accepted.
    func suspend(_ id: UInt64) {
        materialize(id)
        guard let transfer = transfers.removeValue(forKey: id) else { return }
        let completion = transfer.suspend(.message("paused"))
        remove(transfer)
        deliver(id, completion, core: transfer.core)
    }

    func cancel(_ id: UInt64) {
        // Made first even so: a resumed one's .part is discarded as ever.
        materialize(id)
        guard let transfer = transfers.removeValue(forKey: id) else { return }
        leaveGate(transfer)
        transfer.discard()
        remove(transfer)
        context.events.append(.cancelled(id))
    }

    func pause(_ id: UInt64) {
        materialize(id)
        transfers[id]?.setPaused(true)
        transfers[id]?.segments?.setPaused(true)
    }

    func resume(_ id: UInt64) {
        materialize(id)
        transfers[id]?.setPaused(false)
        transfers[id]?.segments?.setPaused(false)
    }

    // MARK: the loop's steps

    /// Lets curl move data, then collects what finished.
    func perform() {
        var running: Int32 = 0
        curl_multi_perform(multi, &running)
        collectFinished()
        addPendingSegments()
        openGate()
    }

    /// Sleeps until a socket is ready, a wakeup arrives, or `timeoutMs` passes.
    func poll(timeoutMs: Int32) {
        curl_multi_poll(multi, nil, 0, timeoutMs, nil)
    }

    /// Shutdown: every transfer stops; what can be resumed is kept, synced
    /// by the disk worker, with its offset recorded.
    func stopAll() {
        for id in Array(held.keys) { materialize(id) }
        for (id, transfer) in transfers {
            leaveGate(transfer)
            let completion = transfer.suspend(.message("engine stopped"))
            remove(transfer)
            deliver(id, completion, core: transfer.core)
        }
        transfers.removeAll()
    }

    /// Frees the multi handle. Last: no wakeup may reach it afterwards.
    func cleanup() {
        curl_multi_cleanup(multi)
        // The share may hold connections still open; it goes after every
        // easy handle and the multi handle, which curl requires.
        context.share?.cleanup()
    }

    // MARK: finishing

    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = EasyTransfer.from(handle: easy) else { continue }
            let code = taro_msg_result(message)
            if case .segment(let body) = transfer.destination {
                // A helper of a segmented download: its coordinator frees it.
                curl_multi_remove_handle(multi, easy)
                let primary = body.coordinator.primary
                body.coordinator.helperFinished(transfer, body: body)
                settleIfIdle(primary)
                continue
            }
            guard transfers[transfer.core.id] === transfer else { continue }
            if transfer.segments != nil {
                curl_multi_remove_handle(multi, easy)
                transfer.primaryFinished()
                settleIfIdle(transfer)
                continue
            }
            transfers[transfer.core.id] = nil
            let completion = transfer.complete(code)
            leaveGate(transfer)
            remove(transfer)
            deliver(transfer.core.id, completion, core: transfer.core)
        }
    }

    /// A segmented download settles when none of its connections is left;
    /// after a failure the remaining ones are stopped at once.
    private func settleIfIdle(_ primary: EasyTransfer) {
        guard let segments = primary.segments else { return }
        if segments.failure != nil {
            removeHelpers(of: segments)
            if !segments.primaryDone {
                curl_multi_remove_handle(multi, primary.handle)
                segments.primaryStopped()
            }
        }
        guard segments.isIdle else { return }
        transfers[primary.core.id] = nil
        let completion = primary.completeSegmented(segments)
        leaveGate(primary)
        primary.cleanup()
        deliver(primary.core.id, completion, core: primary.core)
    }

    /// Reports an outcome now, or hands the file to the disk worker, which
    /// reports it once the data is synced; meanwhile the scheduler hears that
    /// the connection is done, so the next transfer need not wait for the disk.
    func deliver(_ id: UInt64, _ completion: Completion, core: TransferCore) {
        switch completion {
        case .done(let outcome):
            context.events.append(.finished(id, outcome))
        case .finalize(let sink, let response):
            context.disk.submit(.finalize(tag: id, sink: sink, response: response, core: core))
            context.events.append(.connectionDone(id, diskBacklog: context.disk.backlog))
        case .suspend(let fd, let point, let failure):
            context.disk.submit(.suspend(tag: id, fd: fd, point: point, core: core, failure: failure))
            context.events.append(.connectionDone(id, diskBacklog: context.disk.backlog))
        }
    }

    // MARK: the origin gate

    /// Learns what the probes' responses said, then adds the held transfers
    /// that may now go.
    private func openGate() {
        for (origin, id) in gate.probing {
            if let probe = transfers[id] { gate.learned(origin, httpVersion: httpVersion(of: probe)) }
        }
        for id in gate.admissions() {
            if let transfer = materialize(id) { curl_multi_add_handle(multi, transfer.handle) }
        }
    }

    /// Before a transfer's handle goes: a probe that finished within one
    /// round still tells what it learned.
    private func leaveGate(_ transfer: EasyTransfer) {
        let id = transfer.core.id
        if let origin = gate.probedOrigin(of: id) { gate.learned(origin, httpVersion: httpVersion(of: transfer)) }
        gate.released(id)
    }

    private func httpVersion(of transfer: EasyTransfer) -> Int {
        var version = 0
        taro_easy_getinfo_long(transfer.handle, CURLINFO_HTTP_VERSION, &version)
        return version
    }

    private func addPendingSegments() {
        for transfer in transfers.values {
            guard let segments = transfer.segments else { continue }
            for helper in segments.takePendingStarts() {
                helper.pacer = transfer.pacer
                curl_multi_add_handle(multi, helper.handle)
            }
            if segments.failure != nil { settleIfIdle(transfer) }
        }
    }

    /// Takes a transfer and its helpers out of the multi handle and frees them.
    func remove(_ transfer: EasyTransfer) {
        if let segments = transfer.segments {
            removeHelpers(of: segments)
            if segments.primaryDone {
                transfer.cleanup()
                return
            }
        }
        curl_multi_remove_handle(multi, transfer.handle)
        transfer.cleanup()
    }

    /// Takes a segmented download's helpers out of the multi handle (those
    /// not yet added are simply not there) and frees them.
    private func removeHelpers(of segments: SegmentCoordinator) {
        for helper in segments.detachHelpers() {
            curl_multi_remove_handle(multi, helper.handle)
            helper.cleanup()
        }
    }
}
