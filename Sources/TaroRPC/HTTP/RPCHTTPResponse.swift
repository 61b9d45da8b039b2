/// An HTTP/1.1 response, always closing the connection: one request per
/// connection keeps the endpoint's state down to nothing between requests.
struct RPCHTTPResponse {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static let reasons: [Int: String] = [
        200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 408: "Request Timeout", 411: "Length Required",
        413: "Content Too Large", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
        503: "Service Unavailable",
    ]

    /// A JSON-RPC error answered before any call was read (id null).
    static func rpcError(status: Int, _ error: RPCError) -> RPCHTTPResponse {
        RPCHTTPResponse(status: status, body: Aria2Service.encode(id: .null, outcome: .failure(error)))
    }

    var bytes: [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Error")\r\n"
        if !body.isEmpty || status != 204 {
            head += "Content-Type: application/json-rpc\r\nContent-Length: \(body.count)\r\n"
        }
        head += "Cache-Control: no-cache\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }
}
