import CCurl
import Foundation

// Segmented downloads: the primary connection asks for the whole file; when
// its final headers show a length, byte ranges and a strong validator, the
// file is split and helper connections fetch the other ranges with Range and
// If-Range, each writing in place at its offset. A connection that finishes
// its range steals half of the largest range still being fetched.

extension EasyTransfer {
    func startSegmentsIfPossible(_ response: HTTPExchange.Response) {
        guard let sink, response.statusCode == 200,
              let lengthText = response.value(of: "Content-Length"), let total = Int64(lengthText),
              total >= 2 * SegmentGroup.minimumSize,
              response.value(of: "Accept-Ranges")?.lowercased().contains("bytes") == true,
              response.value(of: "Content-Encoding") == nil,
              let validator = Self.strongValidator(response) else { return }
        var url: UnsafeMutablePointer<CChar>?
        taro_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &url)
        let plan = SegmentPlan(total: total, connections: spec.segments, minimumSize: SegmentGroup.minimumSize)
        guard plan.segments.count > 1 else { return }
        let group = SegmentGroup(plan: plan, validator: validator, url: url.map { String(cString: $0) } ?? spec.url,
                                 connections: spec.segments, fd: sink.fd)
        self.group = group
        fillConnections()
    }

    /// Strong ETag, else Last-Modified: what If-Range may carry.
    static func strongValidator(_ response: HTTPExchange.Response) -> String? {
        if let etag = response.value(of: "ETag"), !etag.hasPrefix("W/"), etag.hasPrefix("\"") { return etag }
        return response.value(of: "Last-Modified")
    }

    /// Starts helpers for idle ranges, then steals, until every connection is busy.
    func fillConnections() {
        guard let group, group.failure == nil else { return }
        while group.plan.activeCount < group.connections {
            guard let index = group.plan.idleIndices.first ?? group.plan.steal(minimumSize: SegmentGroup.minimumSize)
            else { return }
            if group.plan[index].attempts >= SegmentGroup.maxAttempts {
                group.failure = .message("range \(group.plan[index].start)-\(group.plan[index].end - 1) failed \(SegmentGroup.maxAttempts) times")
                return
            }
            let segment = group.plan[index]
            var childSpec = spec
            childSpec.url = group.url
            childSpec.followRedirects = false
            childSpec.timeoutMilliseconds = 0
            childSpec.sink = .memory(streamChunks: false)
            childSpec.segments = 1
            childSpec.headers += [("Range", "bytes=\(segment.cursor)-\(segment.end - 1)"), ("If-Range", group.validator)]
            do {
                let child = try EasyTransfer(core: core, spec: childSpec, context: context, parent: self, segment: index)
                child.segmentWriter = BlockWriter(fd: group.fd, position: segment.cursor)
                // A stalled helper is dropped and its range fetched again.
                taro_easy_setopt_long(child.handle, CURLOPT_LOW_SPEED_LIMIT, 1)
                taro_easy_setopt_long(child.handle, CURLOPT_LOW_SPEED_TIME, 30)
                group.plan.setActive(index, true)
                group.pendingStarts.append(child)
            } catch {
                group.failure = error
                return
            }
        }
    }

    /// A helper's response must be the range it asked for, of the same file.
    func checkSegmentResponse(_ response: HTTPExchange.Response) -> Bool {
        guard let group = parent?.group else { return false }
        let segment = group.plan[segmentIndex]
        guard response.statusCode == 206 else {
            group.failure = .message(response.statusCode == 200
                ? "the file changed on the server during the download"
                : "a range request was answered with \(response.statusLine)")
            return false
        }
        let expected = "bytes \(segment.cursor)-"
        guard let range = response.value(of: "Content-Range"), range.hasPrefix(expected),
              range.hasSuffix("/\(group.plan.total)") else {
            group.failure = .message("a range request was answered with another range")
            return false
        }
        return true
    }

    func receiveSegmentBody(_ bytes: UnsafeRawPointer, _ count: Int, group: SegmentGroup) -> Int {
        guard group.failure == nil, let writer = segmentWriter else { return 0 }
        let accepted = Int(group.plan.accept(Int64(count), into: segmentIndex))
        guard writer.write(bytes, count: accepted) else {
            group.failure = .resumable("write: \(writer.failure ?? "error")")
            return 0
        }
        // Past a stolen boundary: this connection is done.
        return accepted == count ? count : 0
    }

    func receivePrimarySegmentBody(_ bytes: UnsafeRawPointer, _ count: Int, group: SegmentGroup) -> Int {
        guard group.failure == nil, let sink else { return 0 }
        let accepted = Int(group.plan.accept(Int64(count), into: primarySegment))
        guard sink.write(bytes, count: accepted) else {
            group.failure = .resumable("write \(sink.partPath): \(sink.failure ?? "error")")
            return 0
        }
        bodyBytes += Int64(accepted)
        return accepted == count ? count : 0
    }

    /// A helper's connection ended: flush it, give its range back if it is
    /// incomplete, and put the freed connection to work.
    func childFinished(_ child: EasyTransfer) {
        guard let group else { return }
        if let writer = child.segmentWriter {
            if !writer.flush(), group.failure == nil {
                group.failure = .resumable("write: \(writer.failure ?? "error")")
            }
            group.plan.limitWritten(child.segmentIndex, toFileOffset: writer.position)
        }
        group.plan.setActive(child.segmentIndex, false)
        group.children.removeAll { $0 === child }
        child.cleanup()
        fillConnections()
    }

    /// The primary's own connection ended (its range done, or dropped).
    func primaryFinished() {
        guard let group else { return }
        group.primaryDone = true
        group.primaryProfile = readProfile()
        if !group.plan[primarySegment].isComplete, let sink {
            // The rest of this range is fetched by a helper, after what is buffered reaches the disk.
            if !sink.flushBuffered(), group.failure == nil {
                group.failure = .resumable("write \(sink.partPath): \(sink.failure ?? "error")")
            }
            group.plan.limitWritten(primarySegment, toFileOffset: sink.writtenEnd)
        }
        group.plan.setActive(primarySegment, false)
        fillConnections()
    }

    /// The outcome of a segmented download once no connection is left.
    func completeGroup(_ group: SegmentGroup) -> Completion {
        if let failure = stopReason ?? group.failure { return keepOrDiscardPartial(failure) }
        guard group.plan.isComplete, let sink else {
            sink?.discard()
            return .done(.failure(.message("download incomplete")))
        }
        let total = group.plan.total
        lastDone = -1
        emitProgress(done: total, total: total, now: DispatchTime.now().uptimeNanoseconds)
        var profile = group.primaryProfile ?? readProfile()
        profile.bytesReceived = total
        return .finalize(sink, TransferResponse(
            statusCode: 200, fields: responses.last?.fields ?? [], body: [], filePath: nil,
            bodyBytes: total, exchange: core.snapshot().exchange, profile: profile))
    }
}
