/// Serves the requests of one accepted socket, in order, until either side
/// closes. Runs on its own thread; the thread's owner closes the socket.
final class Connection {
    private let core: ServerCore
    private let reader: ConnectionReader
    private let writer: SocketWriter
    private let sendBuffer = SendBuffer()

    /// Request heads beyond this are refused with 431; response tests need big
    /// headers, requests do not.
    private static let headLimit = 1 << 20

    init(socket: Int32, core: ServerCore) {
        self.core = core
        reader = ConnectionReader(socket: socket, wire: core.wire)
        writer = SocketWriter(socket: socket, wire: core.wire)
    }

    func run() {
        do {
            while !core.isStopping {
                guard let headBytes = try reader.readHead(limit: Self.headLimit) else { return }
                guard try serve(headBytes) else { return }
            }
        } catch let error as HTTPRequestError {
            refuse(error)
        } catch {
            // The peer went away or the server is stopping: just close.
        }
    }

    /// Serves one request; returns whether the connection can carry another.
    private func serve(_ headBytes: [UInt8]) throws -> Bool {
        let head = try RequestHeadParser.parse(headBytes)
        core.requestStarted()
        // Counted until the response is fully sent or the connection dies.
        defer { core.requestFinished() }

        let body = try RequestBody(head: head, reader: reader, writer: writer)
        let exchange = Exchange(head: head, body: body, writer: writer, core: core, sendBuffer: sendBuffer)
        try Router.serve(exchange)
        // A route that answered without reading everything still leaves the
        // connection in sync, because Exchange.send drains first.
        return !exchange.closeAfterResponse && body.isComplete
    }

    private func refuse(_ error: HTTPRequestError) {
        var response = ResponseHead(status: error.status)
        let body = Array(error.message.utf8)
        response.add("Content-Type", "text/plain; charset=utf-8")
        response.add("Content-Length", Int64(body.count))
        response.add("Connection", "close")
        try? writer.send(response.serialized() + body)
    }
}
