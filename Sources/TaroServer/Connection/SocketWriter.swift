import Foundation

/// Blocking writes to a connection. MSG_NOSIGNAL turns a write to a closed
/// peer into EPIPE instead of a process-killing SIGPIPE.
struct SocketWriter {
    let socket: Int32
    /// Every byte sent is counted here (see `TaroServer.bytesSent`).
    let wire: WireCounter

    func send(_ bytes: UnsafeRawBufferPointer) throws {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let sent = Glibc.send(socket, pointer, remaining, Int32(MSG_NOSIGNAL))
            if sent < 0 {
                if errno == EINTR { continue }
                throw SocketError("send")
            }
            wire.addSent(sent)
            pointer += sent
            remaining -= sent
        }
    }

    func send(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try send($0) }
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Waits until the peer closes (or resets) the connection or the server
    /// stops, discarding anything the peer sends. Used to hold a stalled
    /// response open without spinning.
    func waitForPeerToLeave(core: ServerCore) {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while !core.isStopping {
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let count = poll(&ready, 1, 100)
            if count < 0, errno != EINTR { return }
            guard count > 0 else { continue }
            let received = scratch.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if received == 0 || (received < 0 && errno != EINTR) { return }
        }
    }
}
