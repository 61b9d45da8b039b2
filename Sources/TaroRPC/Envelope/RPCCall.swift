import TaroNet

/// One JSON-RPC call read from a request: its id (echoed back as sent),
/// the method's name and its positional parameters.
public struct RPCCall: Equatable, Sendable {
    public var id: JSONValue
    public var method: String
    public var params: [JSONValue]

    public init(id: JSONValue, method: String, params: [JSONValue]) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// The call in a JSON object, or why it is not one. aria2 wants an id
    /// (it has no notifications over HTTP), a string method and, when
    /// present, an array of params.
    static func read(_ value: JSONValue) -> Result<RPCCall, RPCFailure> {
        guard case .object(let object) = value else { return .failure(RPCFailure(id: .null, error: .invalidRequest)) }
        let id = object["id"] ?? .null
        guard object["id"] != nil, case .string(let method)? = object["method"] else {
            return .failure(RPCFailure(id: id, error: .invalidRequest))
        }
        switch object["params"] {
        case nil, .null?: return .success(RPCCall(id: id, method: method, params: []))
        case .array(let params)?: return .success(RPCCall(id: id, method: method, params: params))
        default: return .failure(RPCFailure(id: id, error: .invalidRequest))
        }
    }
}
