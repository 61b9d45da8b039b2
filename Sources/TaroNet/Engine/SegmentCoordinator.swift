import CCurl

/// A segmented download's connections. The primary connection asks for the
/// whole file (or, resuming, for one saved range); once its headers show a
/// length, byte ranges and a strong validator, the coordinator splits the
/// file and starts helper connections for the other ranges, with Range and
/// If-Range, each writing in place at its offset. A connection that finishes
/// its range steals half of the largest range still being fetched.
///
/// The coordinator owns the helpers from creation to cleanup; the engine
/// loop only adds the ones it is handed to the multi handle and reports back
/// when one ends. Engine thread only, like the transfers it coordinates.
final class SegmentCoordinator {
    private(set) var plan: SegmentPlan
    /// Strong ETag or Last-Modified, sent as If-Range.
    let validator: String
    /// Where the ranges are fetched from (after redirects).
    let url: String
    let connections: Int
    /// The range the primary connection itself fetches.
    let primarySegment: Int
    unowned let primary: EasyTransfer
    private let fd: Int32
    /// Helpers in the multi handle.
    private(set) var helpers: [EasyTransfer] = []
    /// Helpers made but not yet handed to the engine loop.
    private var pendingStarts: [EasyTransfer] = []
    /// The primary's own connection has ended.
    private(set) var primaryDone = false
    private(set) var primaryProfile: TransferProfile?
    /// Set once anything makes the whole download fail.
    var failure: TransferFailure?

    /// No range smaller than this is split off or stolen.
    static let minimumSize: Int64 = 512 * 1024
    /// A segment whose connection drops is fetched again this many times.
    static let maxAttempts = 5

    init(plan: SegmentPlan, validator: String, url: String, connections: Int, primarySegment: Int,
         primary: EasyTransfer, fd: Int32) {
        self.plan = plan
        self.validator = validator
        self.url = url
        self.connections = connections
        self.primarySegment = primarySegment
        self.primary = primary
        self.fd = fd
    }

    /// The plan for a fresh download whose response allows splitting, with
    /// the validator every range must match; nil when it does not.
    static func split(_ response: HTTPExchange.Response, connections: Int) -> (SegmentPlan, String)? {
        guard response.statusCode == 200,
              let lengthText = response.value(of: "Content-Length"), let total = Int64(lengthText),
              total >= 2 * minimumSize,
              response.value(of: "Accept-Ranges")?.lowercased().contains("bytes") == true,
              response.value(of: "Content-Encoding") == nil,
              let validator = strongValidator(response) else { return nil }
        let plan = SegmentPlan(total: total, connections: connections, minimumSize: minimumSize)
        return plan.segments.count > 1 ? (plan, validator) : nil
    }

    /// Strong ETag, else Last-Modified: what If-Range may carry.
    static func strongValidator(_ response: HTTPExchange.Response) -> String? {
        if let etag = response.value(of: "ETag"), !etag.hasPrefix("W/"), etag.hasPrefix("\"") { return etag }
        return response.value(of: "Last-Modified")
    }

    var isIdle: Bool { primaryDone && helpers.isEmpty && pendingStarts.isEmpty }

    // MARK: connections

    /// Makes helpers for idle ranges, then steals, until every connection is
    /// busy. They wait in `pendingStarts` for the engine loop: a curl
    /// callback (where this is often called) may not touch the multi handle.
    func fill() {
        guard failure == nil else { return }
        while plan.activeCount < connections {
            guard let index = plan.idleIndices.first ?? plan.steal(minimumSize: Self.minimumSize) else { return }
            if plan[index].attempts >= Self.maxAttempts {
                failure = .message("range \(plan[index].start)-\(plan[index].end - 1) failed \(Self.maxAttempts) times")
                return
            }
            let segment = plan[index]
            var spec = primary.spec
            spec.url = url
            spec.followRedirects = false
            spec.timeoutMilliseconds = 0
            spec.segments = 1
            spec.headers += [("Range", "bytes=\(segment.cursor)-\(segment.end - 1)"), ("If-Range", validator)]
            let body = SegmentBody(index: index, writer: BlockWriter(fd: fd, position: segment.cursor), coordinator: self)
            do {
                let helper = try EasyTransfer(core: primary.core, spec: spec, context: primary.context, segment: body)
                // A stalled helper is dropped and its range fetched again.
                taro_easy_setopt_long(helper.handle, CURLOPT_LOW_SPEED_LIMIT, 1)
                taro_easy_setopt_long(helper.handle, CURLOPT_LOW_SPEED_TIME, 30)
                // Over HTTP/2 a helper is one more stream of the primary's
                // connection, unless the user asked for connections.
                if spec.wire.segmentConnections { taro_easy_setopt_long(helper.handle, CURLOPT_FRESH_CONNECT, 1) }
                plan.setActive(index, true)
                pendingStarts.append(helper)
            } catch {
                failure = error
                return
            }
        }
    }

    /// Hands the helpers made since the last call to the engine loop, which
    /// adds them to the multi handle.
    func takePendingStarts() -> [EasyTransfer] {
        defer {
            helpers += pendingStarts
            pendingStarts.removeAll()
        }
        return pendingStarts
    }

    /// Gives up every helper, running or not, for the engine loop to take
    /// out of the multi handle and free (a failure, an abort, shutdown).
    func detachHelpers() -> [EasyTransfer] {
        defer {
            helpers.removeAll()
            pendingStarts.removeAll()
        }
        return helpers + pendingStarts
    }

    func setPaused(_ paused: Bool) {
        helpers.forEach { $0.setPaused(paused) }
    }

    // MARK: bodies

    /// A helper's response must be the range it asked for, of the same file.
    func check(_ response: HTTPExchange.Response, for body: SegmentBody) -> Bool {
        let segment = plan[body.index]
        guard response.statusCode == 206 else {
            failure = .message(response.statusCode == 200
                ? "the file changed on the server during the download"
                : "a range request was answered with \(response.statusLine)")
            return false
        }
        guard let range = response.value(of: "Content-Range"), range.hasPrefix("bytes \(segment.cursor)-"),
              range.hasSuffix("/\(plan.total)") else {
            failure = .message("a range request was answered with another range")
            return false
        }
        return true
    }

    /// Writes what of a helper's piece is still its range's.
    func receive(_ bytes: UnsafeRawPointer, _ count: Int, for body: SegmentBody) -> Int {
        guard failure == nil else { return 0 }
        let accepted = Int(plan.accept(Int64(count), into: body.index))
        guard body.writer.write(bytes, count: accepted) else {
            failure = .resumable("write: \(body.writer.failure ?? "error")")
            return 0
        }
        // Past a stolen boundary: this connection is done.
        return accepted == count ? count : 0
    }

    /// Writes what of the primary's piece is still its range's; returns the
    /// count written, or nil when the download failed.
    func receivePrimary(_ bytes: UnsafeRawPointer, _ count: Int, sink: FileSink) -> Int? {
        guard failure == nil else { return nil }
        let accepted = Int(plan.accept(Int64(count), into: primarySegment))
        guard sink.write(bytes, count: accepted) else {
            failure = .resumable("write \(sink.partPath): \(sink.failure ?? "error")")
            return nil
        }
        return accepted
    }

    // MARK: endings

    /// A helper's connection ended: flush it, give its range back if it is
    /// incomplete, free it and put the freed connection to work.
    func helperFinished(_ helper: EasyTransfer, body: SegmentBody) {
        if !body.writer.flush(), failure == nil {
            failure = .resumable("write: \(body.writer.failure ?? "error")")
        }
        plan.limitWritten(body.index, toFileOffset: body.writer.position)
        plan.setActive(body.index, false)
        helpers.removeAll { $0 === helper }
        helper.cleanup()
        fill()
    }

    /// The primary's own connection ended (its range done, or dropped). The
    /// rest of its range is fetched by a helper, after what is buffered
    /// reaches the disk.
    func primaryFinished(sink: FileSink, profile: TransferProfile) {
        primaryDone = true
        primaryProfile = profile
        if !plan[primarySegment].isComplete {
            if !sink.flushBuffered(), failure == nil {
                failure = .resumable("write \(sink.partPath): \(sink.failure ?? "error")")
            }
            plan.limitWritten(primarySegment, toFileOffset: sink.writtenEnd)
        }
        plan.setActive(primarySegment, false)
        fill()
    }

    /// The primary's connection was taken out early (a failure elsewhere).
    func primaryStopped() {
        primaryDone = true
    }

    /// The plan as far as bytes have really reached the file: what a resume
    /// point may record.
    func durablePlan(primaryWrittenEnd: Int64) -> SegmentPlan {
        var plan = self.plan
        for helper in helpers {
            guard case .segment(let body) = helper.destination else { continue }
            body.writer.flush()
            plan.limitWritten(body.index, toFileOffset: body.writer.position)
        }
        if !primaryDone { plan.limitWritten(primarySegment, toFileOffset: primaryWrittenEnd) }
        return plan
    }
}
