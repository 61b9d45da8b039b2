/// Chunked responses whose timing or framing is the point of the test.
enum ChunksRoute {
    /// `/chunks?count=N&size=S&interval=MS&seed=X` — N chunks of S deterministic
    /// bytes (continuing one stream), MS apart, so a client can observe the
    /// first chunk before the last one exists.
    static func serve(_ exchange: Exchange) throws {
        let count = max(0, exchange.query.int("count") ?? 4)
        let size = Int(min(max(1, exchange.query.int("size") ?? 1024), 16 << 20))
        let interval = exchange.query.int("interval") ?? 0
        let seed = exchange.query.uint("seed") ?? 1

        var response = ResponseHead(status: 200)
        response.add("Content-Type", "application/octet-stream")
        response.add("Transfer-Encoding", "chunked")
        try exchange.send(response)
        guard !exchange.isHead else { return }

        for index in 0..<count {
            if index > 0 { try exchange.pause(milliseconds: interval) }
            var chunk = Array("\(String(size, radix: 16))\r\n".utf8)
            chunk += DeterministicBody.bytes(seed: seed, offset: index * Int64(size), count: size)
            chunk += [13, 10]
            try exchange.writer.send(chunk)
        }
        try exchange.writer.send("0\r\n\r\n")
    }

    /// `/rawchunk?size=RAW` — a chunked response whose first size line is RAW
    /// verbatim (e.g. `ffffffffffffffffff`, `-5`, `zz`), a little data, then a close.
    static func serveRawSizeLine(_ exchange: Exchange) throws {
        let sizeLine = exchange.query.bytes("size") ?? Array("zz".utf8)
        var response = ResponseHead(status: 200)
        response.add("Content-Type", "application/octet-stream")
        response.add("Transfer-Encoding", "chunked")
        exchange.closeWhenDone()
        try exchange.send(response)
        guard !exchange.isHead else { return }
        try exchange.writer.send(sizeLine + [13, 10] + DeterministicBody.bytes(seed: 1, count: 16) + [13, 10])
    }
}
