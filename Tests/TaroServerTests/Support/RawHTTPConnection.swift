import Foundation
import XCTest

/// A deliberately small HTTP/1.1 client over a raw socket, so tests see the
/// server's bytes without any client library normalising them: raw header
/// lines, premature closes, interim 100 responses, keep-alive reuse.
final class RawHTTPConnection {
    let socket: Int32
    private var buffer: [UInt8] = []
    private(set) var peerClosed = false

    /// Connects to 127.0.0.1:port with a receive timeout so a broken server
    /// fails the test instead of hanging it.
    init(port: UInt16, timeoutSeconds: Int = 10) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(socket)
            throw RawClientError("connect failed: \(errno)")
        }
    }

    deinit {
        Glibc.close(socket)
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawClientError("send failed: \(errno)") }
            offset += sent
        }
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends a GET (or other method) for `target` with extra header lines.
    func request(_ method: String = "GET", _ target: String, headers: [String] = [], body: [UInt8] = [],
                 close: Bool = false) throws {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for line in headers { head += line + "\r\n" }
        if !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        if close { head += "Connection: close\r\n" }
        try send(Array((head + "\r\n").utf8) + body)
    }

    /// Reads one response. `headRequest` means no body follows whatever the headers say.
    func readResponse(headRequest: Bool = false) throws -> RawHTTPResponse {
        let headBytes = try readHead()
        var lines = split(headBytes)
        let statusLine = String(decoding: lines.removeFirst(), as: UTF8.self)
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw RawClientError("bad status line \(statusLine)") }
        var response = RawHTTPResponse(statusLine: statusLine, status: status, headerLines: lines, body: [], truncated: false)

        if headRequest || status < 200 || status == 204 || status == 304 { return response }
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            try readChunkedBody(into: &response)
        } else if let length = response.header("Content-Length").flatMap(Int.init) {
            response.body = try readBytes(length)
            response.truncated = response.body.count < length
        } else {
            response.body = try readToEnd()
        }
        return response
    }

    /// Everything until the peer closes.
    func readToEnd() throws -> [UInt8] {
        while try fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// Reads until the peer closes, or throws on timeout.
    func waitForClose() throws {
        _ = try readToEnd()
    }

    // MARK: Private

    private func readHead() throws -> [UInt8] {
        while true {
            if let end = indexOfBlankLine() {
                let head = Array(buffer[0..<end])
                buffer.removeFirst(end + 4)
                return head
            }
            guard try fill() else { throw RawClientError("closed before the response head") }
        }
    }

    private func indexOfBlankLine() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func split(_ head: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < head.count {
            if head[index] == 13, index + 1 < head.count, head[index + 1] == 10 {
                lines.append(current)
                current = []
                index += 2
            } else {
                current.append(head[index])
                index += 1
            }
        }
        lines.append(current)
        return lines
    }

    private func readLine() throws -> [UInt8]? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                var line = Array(buffer[0..<newline])
                if line.last == 13 { line.removeLast() }
                buffer.removeFirst(newline + 1)
                return line
            }
            guard try fill() else { return nil }
        }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { break }
        }
        let taken = Array(buffer.prefix(count))
        buffer.removeFirst(taken.count)
        return taken
    }

    private func readChunkedBody(into response: inout RawHTTPResponse) throws {
        while true {
            guard let line = try readLine(), let size = Int(String(decoding: line, as: UTF8.self), radix: 16) else {
                response.truncated = true
                return
            }
            if size == 0 {
                while let trailer = try readLine(), !trailer.isEmpty {}
                return
            }
            let data = try readBytes(size)
            response.body += data
            guard data.count == size, try readLine() != nil else {
                response.truncated = true
                return
            }
        }
    }

    /// Appends what the socket has; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { peerClosed = true; return false }
            throw RawClientError("recv failed or timed out: errno \(errno)")
        }
        if count == 0 { peerClosed = true; return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }
}

struct RawClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
