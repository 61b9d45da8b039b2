import Foundation
import TaroNet

/// Calls a running instance's JSON-RPC on 127.0.0.1: what `taro-tui add`,
/// `ls`, `pause`… use. One request per connection, bounded in time and in
/// the size of what it reads back.
public struct RPCClient: Sendable {
    public let endpoint: RPCEndpoint
    public var timeout: Duration = .seconds(10)
    static let maximumResponse = 64 << 20

    public init(endpoint: RPCEndpoint) { self.endpoint = endpoint }

    public enum Failure: Error, CustomStringConvertible {
        /// Nothing listens there (the instance ended, or never had --rpc).
        case unreachable(String)
        /// The instance answered with an error.
        case refused(RPCError)
        case badAnswer(String)

        public var description: String {
            switch self {
            case .unreachable(let why): return "no taro-tui answers there: \(why)"
            case .refused(let error): return error.message
            case .badAnswer(let why): return "unexpected answer: \(why)"
            }
        }
    }

    /// Calls an `aria2.*` method with the secret as its first parameter.
    public func call(_ method: String, _ params: [JSONValue] = []) throws -> JSONValue {
        let body = JSONValue.object([
            "jsonrpc": "2.0", "id": "taro-tui", "method": .string(method),
            "params": .array([.string("token:" + endpoint.secret)] + params),
        ]).serialized
        let answer = try post(Array(body.utf8))
        guard let value = JSONValue.parse(answer) else { throw Failure.badAnswer("not JSON") }
        if let error = value["error"] {
            throw Failure.refused(RPCError(code: error["code"]?.intValue ?? 1, error["message"]?.stringValue ?? "error"))
        }
        guard let result = value["result"] else { throw Failure.badAnswer("no result") }
        return result
    }

    private static func closedWithoutAnswer(_ port: UInt16) -> String {
        "127.0.0.1:\(port) closed the connection without an answer"
    }

    private func post(_ body: [UInt8]) throws -> [UInt8] {
        let fd: Int32
        do {
            fd = try SocketIO.connect(loopbackPort: endpoint.port)
        } catch {
            throw Failure.unreachable(error.description)
        }
        defer { close(fd) }
        let io = SocketIO(fd: fd, deadline: .now + timeout)
        let head = "POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1:\(endpoint.port)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var response: [UInt8] = []
        do {
            try io.write(Array(head.utf8) + body)
            while response.count < Self.maximumResponse {
                let chunk = try io.read(limit: 65536)
                if chunk.isEmpty { break }
                response += chunk
            }
        } catch SocketIO.Failure.timedOut {
            throw Failure.unreachable("127.0.0.1:\(endpoint.port) did not answer within \(timeout)")
        } catch {
            // Not a slow instance: say so, rather than "in time".
            throw Failure.unreachable(Self.closedWithoutAnswer(endpoint.port))
        }
        guard !response.isEmpty else { throw Failure.unreachable(Self.closedWithoutAnswer(endpoint.port)) }
        guard let end = RPCConnection.endOfHead(response, from: 0) else { throw Failure.badAnswer("no HTTP head") }
        return Array(response[end...])
    }
}
