import Foundation

/// `GET|HEAD /bytes/N` and named resources: a deterministic body with range
/// support and validators, plus the faults listed in `BytesOptions`.
enum BytesRoute {
    /// The date `lastmod=1` stands for: Tue, 02 Jan 2024 03:04:05 GMT.
    static let fixedLastModified: Int64 = 1_704_164_645

    /// `/bytes/N?seed=S…`: the ETag defaults to one derived from seed and size.
    static func serve(_ exchange: Exchange, size: Int64) throws {
        let options = BytesOptions(exchange.query)
        let seed = options.seed ?? 1
        try serve(exchange, size: size, seed: seed, etag: derivedETag(seed: seed, size: size),
                  lastModified: nil, options: options)
    }

    /// A named resource: size, seed and validators come from the resource.
    static func serve(_ exchange: Exchange, resource: ServedResource) throws {
        let options = BytesOptions(exchange.query)
        let tag = resource.etag.map(quoted) ?? derivedETag(seed: resource.seed, size: resource.size)
        try serve(exchange, size: resource.size, seed: resource.seed,
                  etag: resource.weakETag && !tag.hasPrefix("W/") ? "W/" + tag : tag,
                  lastModified: resource.lastModified, options: options)
    }

    // MARK: Private

    private static func serve(_ exchange: Exchange, size: Int64, seed: UInt64, etag defaultETag: String,
                              lastModified resourceDate: Date?, options: BytesOptions) throws {
        try exchange.finishReadingBody()
        try exchange.pause(milliseconds: options.delayMilliseconds)
        if let failures = options.failFirst,
           exchange.core.hit(options.failKey ?? exchange.head.path) <= failures {
            var extra = ResponseHead(status: options.failStatus)
            if let after = options.retryAfter { extra.add("Retry-After", after) }
            return try exchange.respond(status: options.failStatus, body: Array("try again later\n".utf8),
                                        extraHeaders: extra)
        }

        let etag = resolvedETag(default: defaultETag, options: options)
        let lastModified = options.lastModified.map {
            HTTPDate.format(secondsSince1970: $0 == 1 ? fixedLastModified : $0)
        } ?? resourceDate.map(HTTPDate.format)

        var decision = RangeDecision.full
        if options.status == nil, options.rangesEnabled, let range = exchange.head.header("Range"),
           ifRangeAllows(exchange.head.header("If-Range"), etag: etag, lastModified: lastModified) {
            decision = RangeDecision(rangeHeader: range, size: size)
        }

        var response = ResponseHead(status: options.status ?? 200)
        var offset: Int64 = 0
        var length = size
        switch decision {
        case .full:
            break
        case .partial(let first, let last):
            response.status = 206
            offset = first
            length = last - first + 1
        case .unsatisfiable:
            response.status = 416
            length = 0
        }

        response.add("Content-Type", "application/octet-stream")
        if options.rangesEnabled { response.add("Accept-Ranges", "bytes") }
        if let etag { response.add("ETag", etag) }
        if let lastModified { response.add("Last-Modified", lastModified) }
        if case .partial(let first, let last) = decision {
            response.add("Content-Range", "bytes \(first)-\(last)/\(size)")
        } else if decision == .unsatisfiable {
            response.add("Content-Range", "bytes */\(size)")
        }
        if let disposition = options.contentDisposition {
            response.addRawLine(Array("Content-Disposition: ".utf8) + disposition)
        }
        for line in options.extraHeaderLines { response.addRawLine(line) }

        let hasBody = decision != .unsatisfiable && !HTTPReasonPhrase.forbidsBody(response.status)
        let chunked = options.chunked && hasBody
        addFraming(to: &response, length: hasBody ? length : 0, chunked: chunked, options: options, exchange: exchange)

        guard !exchange.isHead, hasBody else {
            return try exchange.send(response)
        }
        if options.stallAfter != nil || options.closeAfter != nil { exchange.closeWhenDone() }
        if var size = options.sendBuffer {
            setsockopt(exchange.writer.socket, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        try exchange.send(response)

        let plan = BodyStreamer.Plan(seed: seed, offset: offset, length: length,
                                     chunkSize: chunked ? options.chunkSize : nil, rate: options.rate,
                                     stallAfter: options.stallAfter, closeAfter: options.closeAfter,
                                     pieceLimit: options.sendBuffer.map(Int64.init))
        try BodyStreamer.stream(plan, to: exchange)
    }

    /// Content-Length / Transfer-Encoding as scripted. Anything that makes
    /// the framing disagree with the body ends the connection afterwards.
    private static func addFraming(to response: inout ResponseHead, length: Int64, chunked: Bool,
                                   options: BytesOptions, exchange: Exchange) {
        if chunked {
            response.add("Transfer-Encoding", "chunked")
        } else if options.noLength {
            if !exchange.isHead { exchange.closeWhenDone() }
        } else if options.contentLengthOverride == nil {
            response.add("Content-Length", length)
        }
        for raw in [options.contentLengthOverride, options.secondContentLength].compactMap({ $0 }) {
            response.addRawLine(Array("Content-Length: ".utf8) + raw)
            exchange.closeWhenDone()
        }
    }

    private static func resolvedETag(default defaultETag: String, options: BytesOptions) -> String? {
        if options.noETag { return nil }
        let tag = options.etag.map(quoted) ?? defaultETag
        return options.weakETag && !tag.hasPrefix("W/") ? "W/" + tag : tag
    }

    /// If-Range (RFC 9110 §13.1.5): the range applies only if the validator
    /// matches exactly — a strong ETag compared strongly, or the exact
    /// Last-Modified date. Without If-Range the range always applies.
    private static func ifRangeAllows(_ ifRange: String?, etag: String?, lastModified: String?) -> Bool {
        guard let condition = ifRange?.trimmingSpaces else { return true }
        if condition.hasPrefix("W/") { return false }
        if condition.hasPrefix("\"") {
            guard let etag, !etag.hasPrefix("W/") else { return false }
            return etag == condition
        }
        return lastModified == condition
    }

    static func derivedETag(seed: UInt64, size: Int64) -> String {
        "\"\(String(seed, radix: 16))-\(String(size, radix: 16))\""
    }

    /// Accepts tags written with or without their quotes.
    private static func quoted(_ tag: String) -> String {
        tag.hasPrefix("\"") || tag.hasPrefix("W/") ? tag : "\"\(tag)\""
    }
}
