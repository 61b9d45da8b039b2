/// A response body as `dataType` and `responseType` asked for it.
public enum ResponseData: Sendable, Equatable {
    case text(String)
    case bytes([UInt8])
    case json(JSONValue)

    public var text: String? {
        switch self {
        case .text(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .json(let j): return j.serialized
        }
    }

    public var bytes: [UInt8]? { if case .bytes(let b) = self { return b } else { return nil } }
    public var json: JSONValue? { if case .json(let j) = self { return j } else { return nil } }
}
