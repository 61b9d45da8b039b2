/// Maps a request path to its scripted behaviour. Named resources come
/// first, so a test can place a resource at any path.
///
/// Routes (all parameters optional, see each route's file):
/// - `GET|HEAD /bytes/N` and named resources — deterministic bodies with ranges,
///   validators, throttling, stalls, cuts, hostile headers and failing the
///   first N requests (`BytesRoute`)
/// - `/status/CODE`, `/json`, `/cookies`, `/slowheaders` (`FixedRoutes`)
/// - `/redirect/N`, `/redirect-to` (`RedirectRoute`)
/// - `/headers` (`HeadersRoute`), `/chunks`, `/rawchunk` (`ChunksRoute`)
/// - `/echo` (`EchoRoute`), `/upload` (`UploadRoute`)
enum Router {
    static func serve(_ exchange: Exchange) throws {
        let path = exchange.head.path
        if let resource = exchange.core.resource(at: path) {
            return try BytesRoute.serve(exchange, resource: resource)
        }
        if let size = suffix(of: path, after: "/bytes/") {
            guard let length = Int64(size), length >= 0 else {
                return try exchange.respond(status: 400, text: "bad size\n")
            }
            return try BytesRoute.serve(exchange, size: length)
        }
        if let code = suffix(of: path, after: "/status/") {
            return try FixedRoutes.status(exchange, code: code)
        }
        if let hops = suffix(of: path, after: "/redirect/") {
            return try RedirectRoute.chain(exchange, hops: hops)
        }
        switch path {
        case "/redirect-to": try RedirectRoute.single(exchange)
        case "/headers": try HeadersRoute.serve(exchange)
        case "/chunks": try ChunksRoute.serve(exchange)
        case "/rawchunk": try ChunksRoute.serveRawSizeLine(exchange)
        case "/echo": try EchoRoute.serve(exchange)
        case "/json": try FixedRoutes.json(exchange)
        case "/upload": try UploadRoute.serve(exchange)
        case "/cookies": try FixedRoutes.cookies(exchange)
        case "/slowheaders": try FixedRoutes.slowHeaders(exchange)
        default: try exchange.respond(status: 404, text: "not found\n")
        }
    }

    private static func suffix(of path: String, after prefix: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}
