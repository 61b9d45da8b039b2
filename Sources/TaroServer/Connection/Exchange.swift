/// One request and its response on a connection: what a route reads from
/// and writes to. It enforces the bookkeeping every route shares — the body
/// is consumed and the request logged before the response goes out, and the
/// connection is closed after the response when either side asks.
final class Exchange {
    let head: RequestHead
    let query: QueryParameters
    let body: RequestBody
    let writer: SocketWriter
    let core: ServerCore
    let sendBuffer: SendBuffer
    /// Set when the request asked to close, or a route's response can only
    /// end by closing (no length, broken framing, abrupt cut).
    private(set) var closeAfterResponse: Bool
    private var logged = false

    init(head: RequestHead, body: RequestBody, writer: SocketWriter, core: ServerCore, sendBuffer: SendBuffer) {
        self.head = head
        self.query = QueryParameters(head.query)
        self.body = body
        self.writer = writer
        self.core = core
        self.sendBuffer = sendBuffer
        closeAfterResponse = !head.wantsKeepAlive
    }

    var isHead: Bool { head.isHead }

    /// "http://" plus the Host the client addressed, for absolute Location URLs.
    var absoluteBase: String {
        "http://" + (head.header("Host") ?? "127.0.0.1")
    }

    func closeWhenDone() {
        closeAfterResponse = true
    }

    /// Discards any unread body and logs the request (once).
    func finishReadingBody() throws {
        try body.drain()
        logRequest()
    }

    /// Appends the request to the server's log with the body bytes read so far.
    func logRequest() {
        guard !logged else { return }
        logged = true
        core.log(head.asLogged(bodyBytes: body.bytesRead))
    }

    /// Sends the status line and headers, adding `Connection: close` when
    /// this is the connection's last response.
    func send(_ response: ResponseHead, body: [UInt8] = []) throws {
        try finishReadingBody()
        var response = response
        if closeAfterResponse {
            response.add("Connection", "close")
        } else if head.version == "HTTP/1.0" {
            response.add("Connection", "keep-alive")
        }
        var bytes = response.serialized()
        if !isHead { bytes.append(contentsOf: body) }
        try writer.send(bytes)
    }

    /// A complete response with a small in-memory body and its Content-Length.
    func respond(status: Int, contentType: String = "text/plain; charset=utf-8", body: [UInt8],
                 extraHeaders: ResponseHead? = nil) throws {
        var response = ResponseHead(status: status)
        for line in extraHeaders?.lines ?? [] { response.addRawLine(line) }
        if !HTTPReasonPhrase.forbidsBody(status) {
            response.add("Content-Type", contentType)
            response.add("Content-Length", Int64(body.count))
        }
        try send(response, body: HTTPReasonPhrase.forbidsBody(status) ? [] : body)
    }

    func respond(status: Int, text: String) throws {
        try respond(status: status, body: Array(text.utf8))
    }

    /// Waits, but gives up (by throwing) when the server stops, so no thread
    /// outlives `stop()` by more than a sleep slice.
    func pause(milliseconds: Int64) throws {
        guard milliseconds > 0 else { return }
        guard core.sleep(for: .milliseconds(milliseconds)) else { throw SocketError.closed }
    }
}
