/// Small routes with fixed or nearly fixed answers.
enum FixedRoutes {
    /// `/status/CODE` — that status with a short text body (none for 1xx/204/304).
    static func status(_ exchange: Exchange, code: String) throws {
        guard let status = Int(code), (200...999).contains(status) else {
            return try exchange.respond(status: 400, text: "bad status code\n")
        }
        try exchange.respond(status: status, text: "\(status) \(HTTPReasonPhrase.for(status))\n")
    }

    /// `/json` — a fixed JSON document.
    static func json(_ exchange: Exchange) throws {
        try exchange.respond(status: 200, contentType: "application/json",
                             body: Array(#"{"ok":true,"n":42,"items":[1,2,3],"name":"taro"}"#.utf8))
    }

    /// `/cookies` — sets two cookies.
    static func cookies(_ exchange: Exchange) throws {
        var headers = ResponseHead(status: 200)
        headers.add("Set-Cookie", "taro_session=s3cr3t; Path=/; HttpOnly")
        headers.add("Set-Cookie", "taro_theme=dark; Path=/")
        try exchange.respond(status: 200, body: Array("cookies set\n".utf8), extraHeaders: headers)
    }

    /// `/slowheaders?delay=MS` — waits before the status line (default 1000 ms).
    static func slowHeaders(_ exchange: Exchange) throws {
        try exchange.finishReadingBody()
        try exchange.pause(milliseconds: exchange.query.int("delay") ?? 1000)
        try exchange.respond(status: 200, text: "slow\n")
    }
}
