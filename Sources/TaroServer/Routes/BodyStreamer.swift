/// Sends a deterministic body from the connection's reusable buffer, with
/// optional chunked framing, smooth throttling, and a scripted stall or cut.
enum BodyStreamer {
    struct Plan {
        var seed: UInt64
        /// Where this response's bytes start within the deterministic stream.
        var offset: Int64
        var length: Int64
        /// Chunked framing with chunks of this many data bytes, or nil for raw bytes.
        var chunkSize: Int?
        /// Bytes per second, or nil for as fast as the socket takes them.
        var rate: Int64?
        var stallAfter: Int64?
        var closeAfter: Int64?
        /// Send at most this much per call (a small `sndbuf=`): a blocking
        /// send returns only once all of it is queued, so the bytes counted
        /// at the socket would otherwise move in steps of the whole buffer.
        var pieceLimit: Int64? = nil
    }

    /// A throttled response is sent in slices of this fraction of a second,
    /// so the rate looks smooth rather than bursty.
    private static let slicesPerSecond: Int64 = 50

    static func stream(_ plan: Plan, to exchange: Exchange) throws {
        let cut = min(plan.stallAfter ?? .max, plan.closeAfter ?? .max)
        let limit = min(plan.length, cut)
        let buffer = exchange.sendBuffer.bytes
        let clock = ContinuousClock()
        let start = clock.now
        var sent: Int64 = 0

        while sent < limit {
            var budget = Int64(buffer.count)
            if let rate = plan.rate {
                let due = start.advanced(by: .nanoseconds(Int64(Double(sent) * 1e9 / Double(rate))))
                guard exchange.core.sleep(until: due) else { throw SocketError.closed }
                budget = max(1, rate / slicesPerSecond)
            }
            let pieceLimit = min(budget, limit - sent, plan.pieceLimit ?? .max)
            let (used, data) = plan.chunkSize.map {
                fillChunked(buffer, plan: plan, chunkSize: $0, sent: sent, pieceLimit: pieceLimit)
            } ?? fillRaw(buffer, plan: plan, sent: sent, pieceLimit: pieceLimit)
            try exchange.writer.send(UnsafeRawBufferPointer(rebasing: buffer[0..<used]))
            sent += data
        }

        if limit == plan.length {
            if plan.chunkSize != nil { try exchange.writer.send("0\r\n\r\n") }
            return
        }
        // Cut short. The exchange already closes the connection afterwards;
        // a stall first holds it open, sending nothing, until the peer leaves.
        if let stallAfter = plan.stallAfter, stallAfter == cut {
            exchange.writer.waitForPeerToLeave(core: exchange.core)
        }
    }

    private static func fillRaw(_ buffer: UnsafeMutableRawBufferPointer, plan: Plan, sent: Int64,
                                pieceLimit: Int64) -> (used: Int, data: Int64) {
        let count = Int(min(pieceLimit, Int64(buffer.count)))
        DeterministicBody.fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]),
                               seed: plan.seed, offset: plan.offset + sent)
        return (count, Int64(count))
    }

    /// Packs as many chunks (or pieces of one) as fit. Chunk boundaries are
    /// fixed by the body position, so a piece can end mid-chunk and the next
    /// one continue it without a new size line.
    private static func fillChunked(_ buffer: UnsafeMutableRawBufferPointer, plan: Plan, chunkSize: Int,
                                    sent: Int64, pieceLimit: Int64) -> (used: Int, data: Int64) {
        let base = buffer.baseAddress!
        var used = 0
        var data: Int64 = 0
        while data < pieceLimit {
            let position = sent + data
            let inChunk = Int(position % Int64(chunkSize))
            let chunkLength = Int(min(Int64(chunkSize), plan.length - (position - Int64(inChunk))))
            if inChunk == 0 {
                let sizeLine = Array("\(String(chunkLength, radix: 16))\r\n".utf8)
                // Room for the size line, at least one byte and the closing CRLF.
                guard used + sizeLine.count + 3 <= buffer.count else { break }
                sizeLine.withUnsafeBytes { (base + used).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                used += sizeLine.count
            } else if used + 3 > buffer.count {
                break
            }
            let count = min(chunkLength - inChunk, Int(min(pieceLimit - data, Int64(buffer.count - used - 2))))
            DeterministicBody.fill(UnsafeMutableRawBufferPointer(start: base + used, count: count),
                                   seed: plan.seed, offset: plan.offset + position)
            used += count
            data += Int64(count)
            if inChunk + count == chunkLength {
                base.storeBytes(of: UInt8(ascii: "\r"), toByteOffset: used, as: UInt8.self)
                base.storeBytes(of: UInt8(ascii: "\n"), toByteOffset: used + 1, as: UInt8.self)
                used += 2
            }
        }
        return (used, data)
    }
}
