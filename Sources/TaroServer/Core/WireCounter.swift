import Synchronization

/// Bytes that crossed the server's sockets, both ways, counted at the
/// `send`/`recv` calls: what a rate limit is measured against "at the wire",
/// independent of what the client believes it received. Atomics, because
/// every connection thread adds to them.
final class WireCounter: Sendable {
    private let sent = Atomic<Int64>(0)
    private let received = Atomic<Int64>(0)

    func addSent(_ count: Int) {
        sent.wrappingAdd(Int64(count), ordering: .relaxed)
    }

    func addReceived(_ count: Int) {
        received.wrappingAdd(Int64(count), ordering: .relaxed)
    }

    var bytesSent: Int64 { sent.load(ordering: .relaxed) }
    var bytesReceived: Int64 { received.load(ordering: .relaxed) }
}
