/// A streaming multipart/form-data parser (RFC 7578 / RFC 2046 §5.1). Bytes
/// are fed in arbitrary reads; parts, part headers and even the boundary
/// itself may be split across reads. Only a boundary's worth of bytes (or
/// one part-header block) is ever held back, so a gibibyte-sized file
/// passes through in constant memory.
final class MultipartStreamParser {
    enum ParseError: Error {
        case partHeadersTooLarge
        case badDelimiterLine
    }

    private enum State {
        case preamble
        /// Just after a delimiter: "--" ends the body, CRLF starts a part.
        case delimiterLineEnd
        case partHeaders
        case content
        case finished
    }

    /// "\r\n--boundary": every delimiter, the first included, since a CRLF is
    /// fed before the body.
    private let delimiter: [UInt8]
    private let queue = ByteQueue()
    private var state = State.preamble

    private static let partHeaderLimit = 64 * 1024
    private static let lineBreak: [UInt8] = [13, 10]
    private static let blankLine: [UInt8] = [13, 10, 13, 10]

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        queue.append(Self.lineBreak)
    }

    /// True once the closing delimiter ("--boundary--") has been seen.
    var isFinished: Bool { state == .finished }

    func feed(_ data: UnsafeRawBufferPointer, to handler: MultipartPartHandler) throws {
        guard state != .finished else { return } // the epilogue is ignored
        queue.append(data)
        while try step(handler) {}
    }

    /// Advances by one state transition; false when more input is needed.
    private func step(_ handler: MultipartPartHandler) throws -> Bool {
        switch state {
        case .preamble:
            guard let index = queue.firstIndex(of: delimiter) else {
                queue.consume(queue.count - (delimiter.count - 1))
                return false
            }
            queue.consume(index + delimiter.count)
            state = .delimiterLineEnd
            return true

        case .delimiterLineEnd:
            guard queue.count >= 2 else { return false }
            if queue.bytes[0] == UInt8(ascii: "-"), queue.bytes[1] == UInt8(ascii: "-") {
                state = .finished
                queue.consume(queue.count)
                return false
            }
            // Transport padding (spaces, tabs) may precede the CRLF.
            guard let lineEnd = queue.firstIndex(of: Self.lineBreak) else {
                if queue.count > 1024 { throw ParseError.badDelimiterLine }
                return false
            }
            queue.consume(lineEnd + 2)
            state = .partHeaders
            return true

        case .partHeaders:
            guard queue.count >= 2 else { return false }
            let headerEnd: Int
            if queue.bytes[0] == 13, queue.bytes[1] == 10 {
                headerEnd = 0 // a part with no headers at all
                queue.consume(2)
            } else if let blank = queue.firstIndex(of: Self.blankLine) {
                headerEnd = blank
            } else {
                if queue.count > Self.partHeaderLimit { throw ParseError.partHeadersTooLarge }
                return false
            }
            let headers = MultipartPartHeaders(UnsafeRawBufferPointer(rebasing: queue.bytes[0..<headerEnd]))
            if headerEnd > 0 { queue.consume(headerEnd + 4) }
            handler.partBegan(headers)
            state = .content
            return true

        case .content:
            if let index = queue.firstIndex(of: delimiter) {
                if index > 0 { handler.partContent(UnsafeRawBufferPointer(rebasing: queue.bytes[0..<index])) }
                handler.partEnded()
                queue.consume(index + delimiter.count)
                state = .delimiterLineEnd
                return true
            }
            // Everything except a possible delimiter prefix at the end is content.
            let safe = queue.count - (delimiter.count - 1)
            if safe > 0 {
                handler.partContent(UnsafeRawBufferPointer(rebasing: queue.bytes[0..<safe]))
                queue.consume(safe)
            }
            return false

        case .finished:
            return false
        }
    }
}
