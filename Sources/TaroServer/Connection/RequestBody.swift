/// Streams a request body according to its framing (Content-Length or
/// chunked), sending `100 Continue` first when the client asked for it —
/// curl waits for that before sending a large upload.
final class RequestBody {
    enum Framing: Equatable {
        case none
        case length(Int64)
        case chunked
    }

    let framing: Framing
    private let reader: ConnectionReader
    private let writer: SocketWriter
    private var continuePending: Bool
    /// Bytes left in the current Content-Length body or chunk.
    private var remaining: Int64
    private var chunkedStarted = false
    private(set) var isComplete: Bool
    private(set) var bytesRead: Int64 = 0

    private static let lineLimit = 64 * 1024

    init(head: RequestHead, reader: ConnectionReader, writer: SocketWriter) throws {
        framing = try Self.framing(of: head)
        self.reader = reader
        self.writer = writer
        switch framing {
        case .none: remaining = 0; isComplete = true
        case .length(let length): remaining = length; isComplete = length == 0
        case .chunked: remaining = 0; isComplete = false
        }
        continuePending = head.expectsContinue && !isComplete
    }

    /// Reads up to `buffer.count` body bytes; returns 0 once the body is done.
    /// Throws if the peer closes before the body is complete.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !isComplete, buffer.count > 0 else { return 0 }
        if continuePending {
            continuePending = false
            try writer.send("HTTP/1.1 100 Continue\r\n\r\n")
        }
        if framing == .chunked, remaining == 0 {
            try startNextChunk()
            if isComplete { return 0 }
        }
        let wanted = Int(min(Int64(buffer.count), remaining))
        let count = try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
        guard count > 0 else { throw SocketError.closed }
        remaining -= Int64(count)
        bytesRead += Int64(count)
        if framing != .chunked, remaining == 0 { isComplete = true }
        return count
    }

    /// Reads the whole body into memory; only for small bodies (`/echo`).
    func readAll(limit: Int) throws -> [UInt8] {
        var body: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if count == 0 { return body }
            guard body.count + count <= limit else { throw HTTPRequestError.malformed("body too large to echo") }
            body.append(contentsOf: chunk[0..<count])
        }
    }

    /// Reads and discards the rest of the body so the connection can carry
    /// the next request.
    func drain() throws {
        guard !isComplete else { return }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        while try read(into: scratch) > 0 {}
    }

    // MARK: Private

    private static func framing(of head: RequestHead) throws -> Framing {
        if let encoding = head.header("Transfer-Encoding") {
            let codings = encoding.split(separator: ",").map { $0.trimmingSpaces.lowercased() }
            guard codings.last == "chunked" else { throw HTTPRequestError.malformed("unsupported transfer coding") }
            return .chunked
        }
        let lengths = Set(head.headerValues("Content-Length").map(\.trimmingSpaces))
        guard let first = lengths.first else { return .none }
        guard lengths.count == 1, let length = Int64(first), length >= 0, first.allSatisfy(\.isASCIIDigit) else {
            throw HTTPRequestError.malformed("bad Content-Length")
        }
        return .length(length)
    }

    /// Consumes the CRLF after the previous chunk (if any) and the next chunk-size
    /// line; at the last chunk, consumes the trailers and marks the body complete.
    private func startNextChunk() throws {
        if chunkedStarted {
            guard try reader.readLine(limit: Self.lineLimit).isEmpty else {
                throw HTTPRequestError.malformed("chunk data longer than its size")
            }
        }
        chunkedStarted = true
        let line = try reader.readLine(limit: Self.lineLimit)
        let sizeText = String(decoding: line.prefix { $0 != UInt8(ascii: ";") }, as: UTF8.self).trimmingSpaces
        guard !sizeText.isEmpty, sizeText.count <= 15, let size = Int64(sizeText, radix: 16), size >= 0,
              sizeText.allSatisfy(\.isHexDigit) else {
            throw HTTPRequestError.malformed("bad chunk size")
        }
        if size == 0 {
            while !(try reader.readLine(limit: Self.lineLimit).isEmpty) {}
            isComplete = true
        }
        remaining = size
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
