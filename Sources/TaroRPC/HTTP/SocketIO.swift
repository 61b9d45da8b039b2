import Foundation

/// Reads and writes on one connected socket against a deadline: every wait
/// is a poll() bounded by what is left of it, so a client that sends
/// nothing, or reads nothing, holds a connection for that long at most.
struct SocketIO {
    let fd: Int32
    let deadline: ContinuousClock.Instant

    enum Failure: Error { case timedOut, closed }

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
