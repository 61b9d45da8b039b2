import TaroNet

/// A JSON-RPC error as aria2 answers it: the protocol's own codes for an
/// envelope that cannot be read (-32700, -32600), and code 1 with a sentence
/// for everything a method refuses, with aria2's wording so that clients
/// written against aria2 show something they recognise.
public struct RPCError: Error, Equatable, Sendable {
    public let code: Int
    public let message: String

    public init(code: Int = 1, _ message: String) {
        self.code = code
        self.message = message
    }

    public static let parse = RPCError(code: -32700, "Parse error.")
    public static let invalidRequest = RPCError(code: -32600, "Invalid Request.")
    public static let unauthorized = RPCError("Unauthorized")

    public static func noSuchMethod(_ name: String) -> RPCError { RPCError("No such method: \(name)") }
    public static func wrongType(at index: Int) -> RPCError { RPCError("The parameter at \(index) has wrong type.") }
    public static func notFound(_ gid: String) -> RPCError { RPCError("GID \(gid) is not found") }
    public static func invalidGID(_ text: String) -> RPCError { RPCError("Invalid GID \(text)") }

    /// `{"code":…,"message":…}`, the error member of a response.
    var json: JSONValue { .object(["code": .number(Double(code)), "message": .string(message)]) }
}
