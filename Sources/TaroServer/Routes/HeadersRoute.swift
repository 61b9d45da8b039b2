/// `/headers?h=Name:%20value&count=N&size=S` — a tiny 200 carrying the given
/// raw header lines plus N filler headers with S-byte values, for testing
/// hostile and very large response headers.
enum HeadersRoute {
    static func serve(_ exchange: Exchange) throws {
        var headers = ResponseHead(status: 200)
        for line in exchange.query.allBytes("h") { headers.addRawLine(line) }
        let count = max(0, exchange.query.int("count") ?? 0)
        let size = Int(max(0, exchange.query.int("size") ?? 64))
        let filler = String(repeating: "a", count: size)
        for index in 0..<count {
            headers.add("X-Filler-\(index)", filler)
        }
        try exchange.respond(status: 200, body: Array("ok\n".utf8), extraHeaders: headers)
    }
}
