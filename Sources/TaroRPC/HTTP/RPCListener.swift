import Foundation
import Synchronization
import TaroSync

/// The JSON-RPC endpoint's listening socket: 127.0.0.1 (or every address
/// with listen-all), one thread that accepts, and one short-lived thread
/// per connection, at most `maximumConnections` at a time; more are closed
/// at once. `stop()` closes the door, cuts off the clients still sending,
/// and returns once no call is in flight: after it, nothing reaches the
/// service.
public final class RPCListener: Sendable {
    public struct Limits: Sendable {
        public var maximumBody: Int
        public var timeout: Duration
        public var maximumConnections: Int
        public var listenAll: Bool

        public init(maximumBody: Int = 2 << 20, timeout: Duration = .seconds(10), maximumConnections: Int = 16,
                    listenAll: Bool = false) {
            self.maximumBody = maximumBody
            self.timeout = timeout
            self.maximumConnections = maximumConnections
            self.listenAll = listenAll
        }
    }

    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public let port: UInt16
    private let socket: Int32
    /// Written once by `stop()` to wake the accept thread's poll.
    private let wake: (read: Int32, write: Int32)
    /// The connections being served. A descriptor leaves the set and is
    /// closed under its lock, so `stop()` never shuts down a number that
    /// was closed and reused by another part of the program meanwhile.
    private let served = Locked<Set<Int32>>([])
    private let stopped = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)

    public init(service: Aria2Service, port: UInt16, limits: Limits = Limits()) throws {
        (socket, self.port) = try Self.open(host: limits.listenAll ? "0.0.0.0" : "127.0.0.1", port: port)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            close(socket)
            throw StartError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        wake = (fds[0], fds[1])
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        NamedThread.start("taro-rpc") { [self] in acceptLoop(service: service, limits: limits) }
    }

    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = Glibc.write(wake.write, &byte, 1)
        stopped.wait()
        close(socket)
        close(wake.read)
        close(wake.write)
        // A client still sending is read as ended; a call already running
        // finishes (aria2.remove waits at most a few seconds).
        served.withLock { fds in for fd in fds { shutdown(fd, Int32(SHUT_RD)) } }
        let end = ContinuousClock.now + .seconds(30)
        while !served.withLock({ $0.isEmpty }) && ContinuousClock.now < end {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    private func acceptLoop(service: Aria2Service, limits: Limits) {
        defer { stopped.signal() }
        while true {
            var fds = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || fds[1].revents != 0 { return }
            let client = accept(socket, nil, nil)
            guard client >= 0 else {
                // Out of descriptors or memory, the connection stays in the
                // backlog and poll says "ready" again at once: wait a little
                // (stop() still wakes it) instead of spinning a core.
                let reason = errno
                if reason != EINTR && reason != ECONNABORTED && reason != EAGAIN {
                    var wakeOnly = pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)
                    _ = poll(&wakeOnly, 1, 100)
                }
                continue
            }
            // Not inherited by a program started while the connection is open.
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let admitted = served.withLock { fds in
                guard fds.count < limits.maximumConnections else { return false }
                fds.insert(client)
                return true
            }
            guard admitted else {
                close(client)
                continue
            }
            let connection = RPCConnection(fd: client, service: service, limits: limits)
            NamedThread.start("taro-rpc-conn") { [self] in
                connection.run()
                served.withLock { fds in
                    fds.remove(client)
                    close(client)
                }
            }
        }
    }

    /// IPv4 listener with SO_REUSEADDR; port 0 lets the kernel choose.
    private static func open(host: String, port: UInt16) throws -> (Int32, UInt16) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket: \(String(cString: strerror(errno)))") }
        var enable: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &enable, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw StartError(description: "cannot listen for JSON-RPC on \(host):\(port): \(message)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }
}
