import Foundation

/// One client connection, on its own thread: read one request within the
/// limits, answer it. Everything a client can make this do is bounded: the
/// head's size, the body's size, and the time it may take. The listener
/// owns the descriptor and closes it.
struct RPCConnection {
    let fd: Int32
    let service: Aria2Service
    let limits: RPCListener.Limits

    static let maximumHead = 16 * 1024

    func run() {
        let io = SocketIO(fd: fd, deadline: .now + limits.timeout)
        let response: RPCHTTPResponse
        var drain = false
        do {
            response = answer(try read(io))
        } catch let refusal as RPCHTTPRequest.Refusal {
            response = Self.response(for: refusal)
            drain = refusal != .timedOut
        } catch {
            return
        }
        // Its own short deadline: a request that used up its time still gets its 408.
        try? SocketIO(fd: fd, deadline: .now + .seconds(5)).write(response.bytes)
        if drain { Self.drain(fd) }
    }

    private func read(_ io: SocketIO) throws -> RPCHTTPRequest {
        var buffer: [UInt8] = []
        var headEnd: Int?
        while headEnd == nil {
            let chunk: [UInt8]
            do { chunk = try io.read(limit: 8192) } catch SocketIO.Failure.timedOut { throw RPCHTTPRequest.Refusal.timedOut }
            guard !chunk.isEmpty else { throw SocketIO.Failure.closed }
            let searchFrom = max(0, buffer.count - 3)
            buffer += chunk
            headEnd = Self.endOfHead(buffer, from: searchFrom)
            if headEnd == nil && buffer.count > Self.maximumHead { throw RPCHTTPRequest.Refusal.headTooLarge }
        }
        let bodyStart = headEnd!
        guard bodyStart <= Self.maximumHead else { throw RPCHTTPRequest.Refusal.headTooLarge }
        var request = try RPCHTTPRequest.parseHead(buffer[..<bodyStart])
        let length = try request.contentLength()
        guard length <= limits.maximumBody else { throw RPCHTTPRequest.Refusal.bodyTooLarge(limit: limits.maximumBody) }
        var body = Array(buffer[bodyStart...].prefix(length))
        if body.count < length, request.headers["expect"]?.lowercased() == "100-continue" {
            // curl asks before sending a body over 1 MiB; without this it waits a second first.
            try io.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        while body.count < length {
            let chunk: [UInt8]
            do { chunk = try io.read(limit: min(65536, length - body.count)) } catch SocketIO.Failure.timedOut { throw RPCHTTPRequest.Refusal.timedOut }
            guard !chunk.isEmpty else { throw SocketIO.Failure.closed }
            body += chunk
        }
        request.body = body
        return request
    }

    /// The index just past the blank line ending the head, if it arrived.
    static func endOfHead(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == 10 {
                if i + 1 < bytes.count && bytes[i + 1] == 10 { return i + 2 }
                if i + 2 < bytes.count && bytes[i + 1] == 13 && bytes[i + 2] == 10 { return i + 3 }
            }
            i += 1
        }
        return nil
    }

    func answer(_ request: RPCHTTPRequest) -> RPCHTTPResponse {
        guard limits.listenAll || Self.isLoopbackHost(request.headers["host"]) else {
            // A page on another site that resolves its name to 127.0.0.1 (DNS rebinding) is refused.
            return .rpcError(status: 403, RPCError("Host not allowed"))
        }
        guard request.path == "/jsonrpc" || request.path.hasPrefix("/jsonrpc?") else {
            return .rpcError(status: 404, RPCError("Not found: only /jsonrpc is served"))
        }
        let origin = request.headers["origin"]
        switch request.method {
        case "POST":
            let reply = service.respond(to: request.body)
            var response = RPCHTTPResponse(status: reply.status, body: reply.body)
            // Only an answer to a call that carried the secret may be read by a page.
            if let origin, reply.authenticated {
                response.headers = [("Access-Control-Allow-Origin", Self.headerSafe(origin)), ("Vary", "Origin")]
            }
            return response
        case "OPTIONS":
            // The preflight lets a front end send its call; the call itself
            // still needs the secret before its answer is readable.
            var response = RPCHTTPResponse(status: 204)
            if let origin {
                response.headers = [("Access-Control-Allow-Origin", Self.headerSafe(origin)),
                                    ("Access-Control-Allow-Methods", "POST, OPTIONS"),
                                    ("Access-Control-Allow-Headers", "Content-Type"), ("Vary", "Origin")]
            }
            return response
        default:
            return .rpcError(status: 405, RPCError("Method not allowed: POST JSON-RPC to /jsonrpc"))
        }
    }

    static func response(for refusal: RPCHTTPRequest.Refusal) -> RPCHTTPResponse {
        switch refusal {
        case .malformed: return .rpcError(status: 400, .invalidRequest)
        case .headTooLarge: return .rpcError(status: 431, RPCError(code: -32600, "Request head too large."))
        case .lengthRequired: return .rpcError(status: 411, RPCError(code: -32600, "Content-Length required."))
        case .bodyTooLarge(let limit):
            return .rpcError(status: 413, RPCError(code: -32600, "Request body over \(limit) bytes."))
        case .timedOut: return .rpcError(status: 408, RPCError(code: -32600, "Request timed out."))
        }
    }

    static func isLoopbackHost(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return true }
        let name: Substring
        if host.hasPrefix("[") {
            name = host.prefix(while: { $0 != "]" }) + "]"
        } else {
            name = host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        }
        return ["127.0.0.1", "localhost", "[::1]"].contains(String(name))
    }

    /// An origin echoed into a header: no CR or LF can pass.
    static func headerSafe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f }.map(Character.init))
    }

    /// After refusing a request early: stop sending, then read what the
    /// client still sends for a short while, so the refusal is not lost to a
    /// reset of the connection.
    static func drain(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        let io = SocketIO(fd: fd, deadline: .now + .seconds(1))
        var total = 0
        while total < 64 << 20, let chunk = try? io.read(limit: 65536), !chunk.isEmpty { total += chunk.count }
    }
}
