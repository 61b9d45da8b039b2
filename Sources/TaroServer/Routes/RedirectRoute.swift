/// Redirect chains and single redirects to arbitrary targets (other ports,
/// other schemes) for redirect-policy and safety tests.
enum RedirectRoute {
    /// `/redirect/N?to=TARGET&code=C&abs=1` — N hops: /redirect/N → /redirect/N-1 → …
    /// → /redirect/1 → `to` (default /bytes/16). The query is carried along
    /// the chain. `abs=1` gives absolute Location URLs.
    static func chain(_ exchange: Exchange, hops: String) throws {
        guard let count = Int(hops), count >= 0 else {
            return try exchange.respond(status: 400, text: "bad hop count\n")
        }
        let query = exchange.head.query
        var location: [UInt8]
        if count > 1 {
            location = Array("/redirect/\(count - 1)\(query.isEmpty ? "" : "?" + query)".utf8)
        } else {
            location = exchange.query.bytes("to") ?? Array("/bytes/16".utf8)
        }
        if exchange.query.flag("abs"), location.first == UInt8(ascii: "/") {
            location = Array(exchange.absoluteBase.utf8) + location
        }
        try redirect(exchange, to: location)
    }

    /// `/redirect-to?url=ANY&code=C` — one redirect to `url` (decoded, verbatim).
    static func single(_ exchange: Exchange) throws {
        guard let location = exchange.query.bytes("url") else {
            return try exchange.respond(status: 400, text: "missing url\n")
        }
        try redirect(exchange, to: location)
    }

    private static func redirect(_ exchange: Exchange, to location: [UInt8]) throws {
        let code = Int(exchange.query.int("code") ?? 302)
        var headers = ResponseHead(status: code)
        headers.addRawLine(Array("Location: ".utf8) + location)
        try exchange.respond(status: code, body: Array("redirecting\n".utf8), extraHeaders: headers)
    }
}
