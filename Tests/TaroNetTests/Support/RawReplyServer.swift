import Foundation
import Glibc

/// Answers every connection with the same raw bytes and closes it, whatever
/// was sent: an HTTP reply to a TLS handshake makes curl fail the handshake.
final class RawReplyServer: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let thread: Thread

    init(reply: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { ptr -> Bool in
                bind(fd, ptr, len) == 0 && listen(fd, 8) == 0 && getsockname(fd, ptr, &len) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        self.fd = fd
        self.port = UInt16(bigEndian: addr.sin_port)
        let bytes = Array(reply.utf8)
        thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                var buffer = [UInt8](repeating: 0, count: 4096)
                _ = recv(client, &buffer, buffer.count, 0)
                _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
            }
        }
        thread.start()
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}
