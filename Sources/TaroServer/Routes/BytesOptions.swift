/// The query parameters `/bytes/N` and named resources understand.
struct BytesOptions {
    /// `/bytes` only; a named resource has its own seed.
    var seed: UInt64?
    /// No Content-Length: the body ends when the connection closes.
    var noLength: Bool
    /// Transfer-Encoding: chunked, with chunks of `chunkSize` bytes.
    var chunked: Bool
    var chunkSize: Int
    /// Throttle to this many bytes per second.
    var rate: Int64?
    /// `sndbuf=N`: the connection's kernel send buffer (SO_SNDBUF), so that
    /// what the kernel holds stays small next to a paced client's window
    /// and the bytes counted at the socket follow what the client takes.
    var sendBuffer: Int32?
    /// Send this many body bytes, then hold the connection without sending.
    var stallAfter: Int64?
    /// Send this many body bytes, then close the connection (an orderly FIN,
    /// so the client reliably receives exactly those bytes before the end).
    var closeAfter: Int64?
    /// Force this status (no range handling), still with the full body.
    var status: Int?
    /// Wait this long before the status line.
    var delayMilliseconds: Int64
    /// A strong ETag value (without quotes) replacing the default.
    var etag: String?
    var noETag: Bool
    var weakETag: Bool
    /// "1" for a fixed date, or seconds since 1970.
    var lastModified: Int64?
    /// `ranges=0` turns range support off entirely.
    var rangesEnabled: Bool
    /// Raw header lines (`h=`), Content-Length overrides (`cl=`, `cl2=`) and
    /// a raw Content-Disposition value (`dispo=`), all emitted verbatim.
    var extraHeaderLines: [[UInt8]]
    var contentLengthOverride: [UInt8]?
    var secondContentLength: [UInt8]?
    var contentDisposition: [UInt8]?
    /// `failFirst=N`: the first N requests (counted per `failKey`, default
    /// the path) get `failStatus` (default 503) with `retryAfter` seconds.
    var failFirst: Int?
    var failStatus: Int
    var retryAfter: String?
    var failKey: String?

    init(_ query: QueryParameters) {
        seed = query.uint("seed")
        noLength = query.flag("nolength")
        chunked = query.flag("chunked")
        chunkSize = Int(min(max(1, query.int("chunk") ?? 16384), Int64(SendBuffer.capacity / 2)))
        rate = query.int("rate").flatMap { $0 > 0 ? $0 : nil }
        sendBuffer = query.int("sndbuf").flatMap { $0 > 0 ? Int32(clamping: $0) : nil }
        stallAfter = query.int("stallAfter").map { max(0, $0) }
        closeAfter = query.int("closeAfter").map { max(0, $0) }
        status = query.int("status").map { Int($0) }
        delayMilliseconds = query.int("delay") ?? 0
        etag = query.string("etag")
        noETag = query.flag("noetag")
        weakETag = query.flag("weak")
        lastModified = query.int("lastmod").flatMap { $0 > 0 ? $0 : nil }
        rangesEnabled = query.string("ranges") != "0"
        extraHeaderLines = query.allBytes("h")
        contentLengthOverride = query.bytes("cl")
        secondContentLength = query.bytes("cl2")
        contentDisposition = query.bytes("dispo")
        failFirst = query.int("failFirst").map { Int($0) }
        failStatus = query.int("failStatus").map { Int($0) } ?? 503
        retryAfter = query.string("retryAfter")
        failKey = query.string("failKey")
    }
}
