import Foundation

/// A failed socket call, or the peer going away mid-exchange.
struct SocketError: Error, CustomStringConvertible {
    let operation: String
    let code: Int32

    init(_ operation: String, code: Int32 = errno) {
        self.operation = operation
        self.code = code
    }

    /// The peer closed the connection (or the server is stopping) before the
    /// exchange could finish.
    static let closed = SocketError("connection closed", code: 0)

    var description: String {
        code == 0 ? operation : "\(operation): \(String(cString: strerror(code)))"
    }
}
