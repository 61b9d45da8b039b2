import Foundation

/// Opens the TCP listener: IPv4, SO_REUSEADDR so tests that start many
/// servers never trip over TIME_WAIT, and port 0 for a kernel-chosen port.
enum ListeningSocket {
    static let backlog: Int32 = 1024

    /// Returns the listening descriptor and the port actually bound.
    static func open(host: String, port: UInt16) throws -> (socket: Int32, port: UInt16) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw ServerStartError("not an IPv4 address: \(host)")
        }

        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw ServerStartError("socket: \(String(cString: strerror(errno)))") }
        var enable: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &enable, socklen_t(MemoryLayout<Int32>.size))

        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, backlog) == 0 else {
            let message = String(cString: strerror(errno))
            close(listener)
            throw ServerStartError("cannot listen on \(host):\(port): \(message)")
        }

        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        guard named == 0 else {
            close(listener)
            throw ServerStartError("getsockname: \(String(cString: strerror(errno)))")
        }
        return (listener, UInt16(bigEndian: actual.sin_port))
    }
}
