import Foundation

/// Buffered reads from a blocking socket. Request heads and chunk-size lines
/// are found in the buffer; bulk body reads skip the buffer and land straight
/// in the caller's memory once the buffered bytes are used up.
final class ConnectionReader {
    private let socket: Int32
    private let wire: WireCounter
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    /// Unconsumed bytes are `storage[start..<end]`.
    private var start = 0
    private var end = 0

    init(socket: Int32, wire: WireCounter, capacity: Int = 64 * 1024) {
        self.socket = socket
        self.wire = wire
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    var bufferedCount: Int { end - start }

    /// Reads one request head (request line and header lines, through the
    /// blank line). Returns nil if the peer closed cleanly before sending
    /// anything; throws if the head is cut short or exceeds `limit`.
    func readHead(limit: Int) throws -> [UInt8]? {
        var searched = 0
        while true {
            skipLeadingLineBreaks()
            if let length = headLength(searchingFrom: searched) {
                let head = [UInt8](UnsafeRawBufferPointer(start: storage + start, count: length))
                start += length
                return head
            }
            searched = max(0, bufferedCount - 3)
            guard bufferedCount < limit else { throw HTTPRequestError.headTooLarge }
            guard try fill() else {
                if bufferedCount == 0 { return nil }
                throw SocketError.closed
            }
        }
    }

    /// Reads one line (chunk sizes, trailers), without its line break.
    func readLine(limit: Int) throws -> [UInt8] {
        var searched = 0
        while true {
            let pending = UnsafeRawBufferPointer(start: storage + start, count: bufferedCount)
            if let newline = pending[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                var lineEnd = newline
                if lineEnd > 0, pending[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = [UInt8](pending[0..<lineEnd])
                start += newline + 1
                return line
            }
            searched = bufferedCount
            guard bufferedCount < limit else { throw HTTPRequestError.malformed("line too long") }
            guard try fill() else { throw SocketError.closed }
        }
    }

    /// Reads up to `buffer.count` bytes; 0 means the peer closed.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let destination = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if bufferedCount > 0 {
            let count = min(bufferedCount, buffer.count)
            destination.copyMemory(from: storage + start, byteCount: count)
            start += count
            return count
        }
        return try receive(into: destination, count: buffer.count)
    }

    // MARK: Private

    /// Tolerates the blank lines some clients send between requests (RFC 9112 §2.2).
    private func skipLeadingLineBreaks() {
        while start < end {
            let byte = storage.load(fromByteOffset: start, as: UInt8.self)
            guard byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") else { return }
            start += 1
        }
    }

    /// Length of the head through "\r\n\r\n" (or a bare "\n\n"), if buffered.
    private func headLength(searchingFrom offset: Int) -> Int? {
        guard bufferedCount > offset else { return nil }
        let pending = UnsafeRawBufferPointer(start: storage + start + offset, count: bufferedCount - offset)
        let crlf = ByteSearch.firstIndex(of: Self.crlfBlankLine, in: pending).map { $0 + 4 }
        let lf = ByteSearch.firstIndex(of: Self.lfBlankLine, in: pending).map { $0 + 2 }
        guard let end = [crlf, lf].compactMap({ $0 }).min() else { return nil }
        return offset + end
    }

    private static let crlfBlankLine: [UInt8] = [13, 10, 13, 10]
    private static let lfBlankLine: [UInt8] = [10, 10]

    /// Appends whatever the socket has to the buffer, compacting or growing
    /// it first. Returns false at end of stream.
    private func fill() throws -> Bool {
        if start > 0 {
            if bufferedCount > 0 { storage.copyMemory(from: storage + start, byteCount: bufferedCount) }
            end -= start
            start = 0
        }
        if end == capacity {
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            grown.copyMemory(from: storage, byteCount: end)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        let count = try receive(into: storage + end, count: capacity - end)
        end += count
        return count > 0
    }

    private func receive(into destination: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            let received = recv(socket, destination, count, 0)
            if received >= 0 {
                wire.addReceived(received)
                return received
            }
            if errno == EINTR { continue }
            // After shutdown() or a reset, treat the connection as gone.
            throw SocketError("recv")
        }
    }
}
