import Foundation

/// Reads and writes on one connected socket against a deadline: every wait
/// is a poll() bounded by what is left of it, so a client that sends
/// nothing, or reads nothing, holds a connection for that long at most.
struct SocketIO {
    let fd: Int32
    let deadline: ContinuousClock.Instant

    enum Failure: Error, CustomStringConvertible {
        case timedOut, closed
        /// Nothing could be connected to; the reason, in words.
        case cannotConnect(String)

        var description: String {
            switch self {
            case .timedOut: return "timed out"
            case .closed: return "the connection was closed"
            case .cannotConnect(let why): return why
            }
        }
    }

    /// A socket connected to 127.0.0.1:`port` (not inherited by programs
    /// started later); the caller closes it.
    static func connect(loopbackPort port: UInt16) throws(Failure) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .cannotConnect(String(cString: strerror(errno))) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .cannotConnect("127.0.0.1:\(port): \(reason)")
        }
        return fd
    }

    private func wait(for events: Int16) throws {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw Failure.timedOut }
            let (seconds, attoseconds) = left.components
            let ms = Int32(min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
            var pfd = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&pfd, 1, ms)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw Failure.closed }
        }
    }

    /// Up to `limit` bytes; empty at end of stream.
    func read(limit: Int) throws -> [UInt8] {
        try wait(for: Int16(POLLIN))
        var buffer = [UInt8](repeating: 0, count: limit)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, limit, 0) }
        guard n >= 0 else { throw Failure.closed }
        return Array(buffer[0..<n])
    }

    func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            try wait(for: Int16(POLLOUT))
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else {
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                throw Failure.closed
            }
            sent += n
        }
    }
}
