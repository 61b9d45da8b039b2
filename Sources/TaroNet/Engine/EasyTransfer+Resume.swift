import CCurl
import Foundation

// Resume, as DESIGN.md's contract says: keep the validator (strong ETag,
// else Last-Modified), the total and the durable offset N; ask Range:
// bytes=N- with If-Range. A 206 whose Content-Range starts at N with the
// same total appends; a 200 truncates and starts over; a 416 with */N equal
// to the local size and an unchanged validator is complete; anything else
// starts over. Data is fdatasync'ed before its offset is recorded.

extension EasyTransfer {
    /// Opens the .part where the resume point says and returns the headers
    /// of the ranged request (none when starting from zero).
    func prepareResume(_ sink: FileSink, _ point: ResumePoint) throws(TransferFailure) -> [(String, String)] {
        if !point.ranges.isEmpty {
            _ = try sink.open(resumingAt: 0, keepLength: true)
            var plan = SegmentPlan(restoring: point.ranges, total: point.total)
            guard let first = plan.idleIndices.first else {
                // Every range is on disk: one byte of it confirms the file is unchanged.
                resumeCursor = point.total
                return [("Range", "bytes=\(point.total - 1)-\(point.total - 1)"), ("If-Range", point.validator)]
            }
            plan.setActive(first, true)
            restored = (plan, first)
            resumeCursor = plan[first].cursor
            try sink.seek(to: resumeCursor)
            return [("Range", "bytes=\(resumeCursor)-\(plan[first].end - 1)"), ("If-Range", point.validator)]
        }
        let offset = try sink.open(resumingAt: point.offset)
        guard offset > 0 else { return [] }
        resumeCursor = offset
        return [("Range", "bytes=\(offset)-"), ("If-Range", point.validator)]
    }

    /// Applies the contract to the final response of a resumed request.
    /// Returns false when the transfer must stop.
    func acceptResumedResponse(_ response: HTTPExchange.Response) -> Bool {
        guard let point = spec.resume, let sink else { return true }
        let decision = ResumeDecision.decide(
            point: point, cursor: resumeCursor, segmented: !point.ranges.isEmpty, status: response.statusCode,
            contentRange: response.value(of: "Content-Range"), etag: response.value(of: "ETag"))
        switch decision {
        case .append(let base):
            resumeBase = base
            if let restored {
                var plan = restored.plan
                plan.setActive(restored.segment, true)
                segments = SegmentCoordinator(plan: plan, validator: point.validator, url: effectiveURL ?? spec.url,
                                              connections: max(1, spec.segments), primarySegment: restored.segment,
                                              primary: self, fd: sink.fd)
                self.restored = nil
                if resumeCursor >= point.total { alreadyComplete = true }
            }
            core.update { $0.resume = point }
            return true
        case .complete(let size):
            alreadyComplete = true
            resumeBase = size
            return true
        case .startOver(let reason):
            return startOverLater(reason)
        case .restart:
            do {
                try sink.restartFromZero()
            } catch {
                stopReason = error
                return false
            }
            resumeBase = 0
            restored = nil
            core.update { $0.resume = nil }
            return true
        case .notApplicable:
            return true
        }
    }

    /// Drops the partial file and fails so that the retry starts from zero.
    private func startOverLater(_ why: String) -> Bool {
        try? sink?.restartFromZero()
        core.update { $0.resume = nil }
        stopReason = .transient("\(why); starting over", retryAfter: 0)
        return false
    }

    /// Records where a fresh download can be resumed from, once its
    /// validator and length are known.
    func noteResumability(_ response: HTTPExchange.Response) {
        guard spec.keepPartial, response.statusCode == 200 || response.statusCode == 206, spec.resume == nil || resumeBase == 0,
              let validator = SegmentCoordinator.strongValidator(response),
              let length = response.value(of: "Content-Length").flatMap({ Int64($0) }) else { return }
        core.update { $0.resume = ResumePoint(validator: validator, total: resumeBase + length, offset: 0) }
    }

    /// Where a sync of the .part now would let a resume start, with a
    /// duplicate descriptor to sync it by (the engine may close its own
    /// meanwhile). Writes out what is buffered first: only what really
    /// reached the file counts, so a failed write (a full disk) never moves
    /// the recorded offset past it.
    func checkpoint() -> (fd: Int32, point: ResumePoint)? {
        guard let sink, var point = core.snapshot().resume else { return nil }
        guard let fd = sink.prepareSync() else { return nil }
        if let segments {
            let plan = segments.durablePlan(primaryWrittenEnd: sink.writtenEnd)
            point.ranges = plan.segments.map { .init(start: $0.start, end: $0.end, written: min($0.written, $0.length)) }
            point.offset = 0
        } else {
            point.offset = sink.writtenEnd
        }
        return (fd, point)
    }

    /// Hands a checkpoint to the disk worker, which syncs it and then records
    /// the offset. Called every `durabilityInterval`.
    func makeDurable() {
        guard let (fd, point) = checkpoint() else { return }
        context.disk.submit(.checkpoint(fd: fd, point: point, core: core))
    }

    /// Stops without losing anything: the .part stays and is synced, with its
    /// offset recorded, before the failure is reported.
    func suspend(_ failure: TransferFailure) -> Completion {
        guard spec.keepPartial, spec.resume != nil || core.snapshot().resume != nil else {
            sink?.discard()
            return .done(.failure(failure))
        }
        guard let (fd, point) = checkpoint() else { return .done(.failure(failure)) }
        return .suspend(fd: fd, point: point, failure: failure)
    }

    var effectiveURL: String? {
        var url: UnsafeMutablePointer<CChar>?
        guard taro_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK, let url else { return nil }
        return String(cString: url)
    }
}
