import CCurl
import Dispatch

// Segmented downloads: the primary connection's part. Splitting, helpers and
// the plan are SegmentCoordinator's.

extension EasyTransfer {
    /// Splits a fresh download whose response allows it.
    func startSegmentsIfPossible(_ response: HTTPExchange.Response) {
        guard let sink, let (plan, validator) = SegmentCoordinator.split(response, connections: spec.segments) else { return }
        let coordinator = SegmentCoordinator(plan: plan, validator: validator, url: effectiveURL ?? spec.url,
                                             connections: spec.segments, primarySegment: 0, primary: self, fd: sink.fd)
        segments = coordinator
        coordinator.fill()
    }

    /// The primary's own connection ended (its range done, or dropped).
    func primaryFinished() {
        guard let segments, let sink else { return }
        segments.primaryFinished(sink: sink, profile: readProfile())
    }

    /// The outcome of a segmented download once no connection is left.
    func completeSegmented(_ segments: SegmentCoordinator) -> Completion {
        if let failure = stopReason ?? segments.failure { return keepOrDiscardPartial(failure) }
        guard segments.plan.isComplete, let sink else {
            sink?.discard()
            return .done(.failure(.message("download incomplete")))
        }
        let total = segments.plan.total
        lastDone = -1
        emitProgress(done: total, total: total, now: DispatchTime.now().uptimeNanoseconds)
        var profile = segments.primaryProfile ?? readProfile()
        profile.bytesReceived = total
        return .finalize(sink, TransferResponse(
            statusCode: 200, fields: responses.last?.fields ?? [], body: [], filePath: nil,
            bodyBytes: total, exchange: core.snapshot().exchange, profile: profile))
    }
}
