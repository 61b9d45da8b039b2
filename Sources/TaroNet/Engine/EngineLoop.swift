import CCurl
import Foundation

/// The engine thread's state and loop: drain commands → perform → read
/// finished transfers → poll. Nothing here is touched by another thread.
final class EngineLoop: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let report: @Sendable (EngineEvent) -> Void
    private var transfers: [UInt64: EasyTransfer] = [:]
    /// Files are synced and linked to their final names here, off the engine
    /// thread: one slow fsync must not hold up every other transfer, and
    /// concurrent fsyncs share journal commits.
    private let finalizers = DispatchQueue(label: "taro.finalize", attributes: .concurrent)

    init(multi: UnsafeMutableRawPointer, report: @escaping @Sendable (EngineEvent) -> Void) {
        self.multi = multi
        self.report = report
    }

    func run(take: () -> (commands: [EngineCommand], stop: Bool)) {
        while true {
            let (commands, stop) = take()
            for command in commands { handle(command) }
            if stop { break }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            addPendingSegments()
            // With nothing to do, sleep long: a wakeup ends the poll at once.
            let timeout: Int32 = transfers.isEmpty ? 5_000 : 250
            curl_multi_poll(multi, nil, 0, timeout, nil)
        }
        for (id, transfer) in transfers {
            // What can be resumed is kept, synced, with its offset recorded.
            transfer.suspend()
            remove(transfer)
            report(.finished(id, .failure(.message("engine stopped"))))
        }
        transfers.removeAll()
        curl_multi_cleanup(multi)
    }

    private func handle(_ command: EngineCommand) {
        switch command {
        case .start(let core, let spec):
            do {
                let transfer = try EasyTransfer(core: core, spec: spec)
                transfers[core.id] = transfer
                curl_multi_add_handle(multi, transfer.handle)
            } catch {
                report(.finished(core.id, .failure(error)))
            }
        case .cancel(let id):
            guard let transfer = transfers.removeValue(forKey: id) else { return }
            transfer.discard()
            remove(transfer)
            report(.cancelled(id))
        case .pause(let id):
            transfers[id]?.setPaused(true)
            transfers[id]?.group?.children.forEach { $0.setPaused(true) }
        case .resume(let id):
            transfers[id]?.setPaused(false)
            transfers[id]?.group?.children.forEach { $0.setPaused(false) }
        case .setReceiveRate(let id, let rate):
            transfers[id]?.setReceiveRate(rate)
        }
    }

    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = EasyTransfer.from(handle: easy) else { continue }
            let code = taro_msg_result(message)
            if let parent = transfer.parent {
                // A helper of a segmented download.
                curl_multi_remove_handle(multi, easy)
                parent.childFinished(transfer)
                settleIfIdle(parent)
                continue
            }
            guard transfers[transfer.core.id] === transfer else { continue }
            if transfer.group != nil {
                curl_multi_remove_handle(multi, easy)
                transfer.primaryFinished()
                settleIfIdle(transfer)
                continue
            }
            transfers[transfer.core.id] = nil
            let completion = transfer.complete(code)
            remove(transfer)
            deliver(transfer.core.id, completion, core: transfer.core)
        }
    }

    /// A segmented download settles when none of its connections is left;
    /// after a failure the remaining ones are stopped at once.
    private func settleIfIdle(_ primary: EasyTransfer) {
        guard let group = primary.group else { return }
        if group.failure != nil {
            for child in group.children + group.pendingStarts {
                curl_multi_remove_handle(multi, child.handle)
                child.cleanup()
            }
            group.children.removeAll()
            group.pendingStarts.removeAll()
            if !group.primaryDone {
                curl_multi_remove_handle(multi, primary.handle)
                group.primaryDone = true
            }
        }
        guard group.isIdle else { return }
        transfers[primary.core.id] = nil
        let completion = primary.completeGroup(group)
        primary.cleanup()
        deliver(primary.core.id, completion, core: primary.core)
    }

    private func deliver(_ id: UInt64, _ completion: Completion, core: TransferCore) {
        switch completion {
        case .done(let outcome):
            report(.finished(id, outcome))
        case .finalize(let sink, let response):
            let owned = SinkHandoff(sink: sink)
            let report = self.report
            finalizers.async {
                do throws(TransferFailure) {
                    try owned.sink.finish()
                    var response = response
                    let path = owned.sink.finalPath
                    response.filePath = path
                    // A taken name got a number: show the file that was written.
                    core.update { $0.localPath = path; $0.name = (path as NSString).lastPathComponent }
                    report(.finished(id, .success(response)))
                } catch {
                    owned.sink.discard()
                    report(.finished(id, .failure(error)))
                }
            }
        }
    }

    private func addPendingSegments() {
        for transfer in transfers.values {
            guard let group = transfer.group, !group.pendingStarts.isEmpty else { continue }
            for child in group.pendingStarts {
                group.children.append(child)
                curl_multi_add_handle(multi, child.handle)
            }
            group.pendingStarts.removeAll()
            if group.failure != nil { settleIfIdle(transfer) }
        }
    }

    /// Takes a transfer and its helpers out of the multi handle and frees them.
    private func remove(_ transfer: EasyTransfer) {
        if let group = transfer.group {
            for child in group.children + group.pendingStarts {
                curl_multi_remove_handle(multi, child.handle)
                child.cleanup()
            }
            group.children.removeAll()
            group.pendingStarts.removeAll()
            if group.primaryDone {
                transfer.cleanup()
                return
            }
        }
        curl_multi_remove_handle(multi, transfer.handle)
        transfer.cleanup()
    }
}
