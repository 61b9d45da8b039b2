import CCurl
import Foundation

/// One connection on the engine thread: its easy handle, where its body goes
/// (`destination`), and what it has seen so far. A transfer is one of these,
/// plus the helpers its `SegmentCoordinator` owns when it is split. curl
/// reaches it from C callbacks through an unretained pointer set as
/// CURLOPT_PRIVATE and the callbacks' user data; the engine loop (or the
/// coordinator, for a helper) keeps it alive while the handle lives.
///
/// What a response head means for a resumed file is `ResumeDecision`'s to
/// say; this type applies it.
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
    /// Set once, in init, by the kind of connection.
    private(set) var destination: BodyDestination
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
    /// The rate cap's bucket, shared by a segmented download's connections;
    /// nil when unpaced. Set by the engine loop (`setSpeedCap`).
    var pacer: RatePacer?
    /// A callback refused bytes for the pacer: curl holds this connection
    /// paused until the loop lets it go again (`releasePaced`).
    var pacedOut = false
    /// The socket's kernel buffer was made small for pacing (see `holdForPacer`).
    var socketBufferLocked = false
    /// `bytesMoving` was reported for this attempt.
    var movingReported = false

    /// For the primary of a segmented download, once the server allowed ranges.
    var segments: SegmentCoordinator?

    /// Resuming: where in the file this connection's body starts.
    var resumeCursor: Int64 = 0
    /// Bytes already on disk before this connection's body (0 when fresh).
    var resumeBase: Int64 = 0
    /// A segmented download resumed: its saved plan and the range this
    /// connection asks for, until the response confirms the file.
    var restored: (plan: SegmentPlan, segment: Int)?
    /// A 416 confirmed everything is already on disk.
    var alreadyComplete = false
    /// Extra request headers decided before configure (Range, If-Range).
    var extraHeaders: [(String, String)] = []
    var lastDurableNanos: UInt64 = 0

    /// Largest header section accepted from a server.
    static let maxHeaderBytes = 64 * 1024

    /// A transfer's own connection, or (with `segment`) a helper of a
    /// segmented download.
    init(core: TransferCore, spec: TransferSpec, context: EngineContext, segment: SegmentBody? = nil) throws(TransferFailure) {
        guard let handle = curl_easy_init() else { throw .message("curl_easy_init failed") }
        self.destination = Self.destination(spec.sink, checksum: spec.checksum, segment: segment,
                                            unnamedFiles: context.disk.unnamedFiles)
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
            if let sink { try prepareSink(sink) }
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

    private static func destination(_ sink: TransferSpec.Sink, checksum: Checksum?, segment: SegmentBody?,
                                    unnamedFiles: UnnamedFilePool) -> BodyDestination {
        if let segment { return .segment(segment) }
        switch sink {
        case .memory(let streamChunks): return .memory(MemoryBody(streamChunks: streamChunks))
        case .file(let path, let serverNaming):
            return .file(FileSink(finalPath: path, numberOnConflict: serverNaming, checksum: checksum,
                                  unnamedFiles: unnamedFiles))
        }
    }

    /// A download's file, when this connection is a download's own.
    var sink: FileSink? {
        if case .file(let sink) = destination { return sink }
        return nil
    }

    /// A helper of a segmented download, not a transfer of its own.
    var isHelper: Bool {
        if case .segment = destination { return true }
        return false
    }

    private func prepareSink(_ sink: FileSink) throws(TransferFailure) {
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
        guard !isHelper, !movingReported else { return }
        movingReported = true
        context.events.append(.bytesMoving(core.id))
    }
}
