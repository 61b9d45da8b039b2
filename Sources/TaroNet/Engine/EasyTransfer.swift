import CCurl
import Foundation

/// One transfer on the engine thread: its easy handle, the buffers and files
/// its callbacks write to, and what it has seen so far. curl reaches it from
/// C callbacks through an unretained pointer set as CURLOPT_PRIVATE and the
/// callbacks' user data; the engine loop keeps it alive while the handle lives.
final class EasyTransfer {
    let core: TransferCore
    let spec: TransferSpec
    /// Shared with every transfer on the engine thread: events out, disk work off.
    unowned let context: EngineContext
    let handle: UnsafeMutableRawPointer
    let isUpload: Bool

    var headerList: UnsafeMutablePointer<curl_slist>?
    var mime: OpaquePointer?
    var uploadFile: UploadFileReader?
    var sink: FileSink?
    var memoryBody: [UInt8] = []
    let errorBuffer: UnsafeMutablePointer<CChar>

    var parser = ResponseHeaderParser()
    var responses: [HTTPExchange.Response] = []
    var finalHeadersDelivered = false
    var bodyBytes: Int64 = 0
    /// Set by a callback that stopped the transfer for a reason of ours
    /// (disk full, body too large), which curl would only call a write error.
    var stopReason: TransferFailure?
    var lastProgressNanos: UInt64 = 0
    let progressIntervalNanos: UInt64
    var lastDone: Int64 = -1
    var isPaused = false
    /// `bytesMoving` was reported for this attempt.
    var movingReported = false

    /// For a helper connection of a segmented download: the primary transfer
    /// and the segment this connection fetches.
    unowned let parent: EasyTransfer?
    let segmentIndex: Int
    /// For the primary of a segmented download, once the server allowed ranges.
    var group: SegmentGroup?
    var segmentWriter: BlockWriter?

    /// Resuming: where in the file this connection's body starts.
    var resumeCursor: Int64 = 0
    /// Bytes already on disk before this connection's body (0 when fresh).
    var resumeBase: Int64 = 0
    /// The range this (primary) connection fetches of a restored plan.
    var primarySegment = 0
    var restoredPlan: SegmentPlan?
    /// A 416 confirmed everything is already on disk.
    var alreadyComplete = false
    /// Extra request headers decided before configure (Range, If-Range).
    var extraHeaders: [(String, String)] = []
    var lastDurableNanos: UInt64 = 0

    /// Largest header section accepted from a server.
    static let maxHeaderBytes = 64 * 1024

    init(core: TransferCore, spec: TransferSpec, context: EngineContext, parent: EasyTransfer? = nil,
         segment: Int = 0) throws(TransferFailure) {
        guard let handle = curl_easy_init() else { throw .message("curl_easy_init failed") }
        self.parent = parent
        self.segmentIndex = segment
        self.core = core
        self.spec = spec
        self.context = context
        self.handle = handle
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        switch spec.body {
        case .file, .multipart: isUpload = true
        default: isUpload = false
        }
        progressIntervalNanos = Self.nanos(spec.progressInterval)
        do {
            if parent == nil { try prepareSink() }
            try configure()
        } catch {
            sink?.discard()
            cleanup()
            throw error
        }
        lastDurableNanos = DispatchTime.now().uptimeNanoseconds
    }

    static func nanos(_ d: Duration) -> UInt64 {
        let c = d.components
        return UInt64(max(0, c.seconds)) * 1_000_000_000 + UInt64(max(0, c.attoseconds) / 1_000_000_000)
    }

    static func from(handle: UnsafeMutableRawPointer) -> EasyTransfer? {
        var raw: UnsafeMutableRawPointer?
        guard taro_easy_getinfo_pointer(handle, CURLINFO_PRIVATE, &raw) == CURLE_OK, let raw else { return nil }
        return Unmanaged<EasyTransfer>.fromOpaque(raw).takeUnretainedValue()
    }

    private func prepareSink() throws(TransferFailure) {
        if case .file(let path, let serverNaming) = spec.sink {
            let sink = FileSink(finalPath: path, numberOnConflict: serverNaming, checksum: spec.checksum)
            self.sink = sink
            if let point = spec.resume, !point.validator.isEmpty {
                extraHeaders = try prepareResume(sink, point)
            } else if spec.keepPartial {
                // Our own .part from a run that ended before it could say how
                // far it got: nothing in it can be verified, so start it over.
                _ = try sink.open(resumingAt: 0)
            } else {
                try sink.open()
            }
        }
    }

    /// Frees everything curl-side. Called once, after the handle left the multi.
    func cleanup() {
        curl_easy_cleanup(handle)
        if let headerList { curl_slist_free_all(headerList) }
        if let mime { curl_mime_free(mime) }
        headerList = nil
        mime = nil
        uploadFile?.close()
        errorBuffer.deallocate()
    }

    /// Throws away the partial download (abort, shutdown).
    func discard() {
        sink?.discard()
    }


    func setPaused(_ paused: Bool) {
        guard paused != isPaused else { return }
        isPaused = paused
        curl_easy_pause(handle, Int32(paused ? taro_pause_all() : taro_pause_cont()))
    }

    /// Tells the scheduler, once, that bytes are moving.
    func reportMoving() {
        guard parent == nil, !movingReported else { return }
        movingReported = true
        context.events.append(.bytesMoving(core.id))
    }
}
