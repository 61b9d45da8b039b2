import TaroNet

/// A call that could not be read, with the id to answer it under.
public struct RPCFailure: Error, Equatable, Sendable {
    public var id: JSONValue
    public var error: RPCError
}
