import TaroNet

/// The body of a POST to /jsonrpc, read: one call or a batch (an array of
/// calls, answered by an array), or an error that concerns the whole body.
/// Parsing is all it does; nothing here touches a transfer.
public enum RPCEnvelope: Equatable, Sendable {
    case single(Result<RPCCall, RPCFailure>)
    case batch([Result<RPCCall, RPCFailure>])
    /// Not JSON, or JSON that is no call at all: answered once, with id null.
    case unreadable(RPCError)

    /// Nesting deeper than this is refused before the decoder sees it: a
    /// body of a million `[` must not exhaust the stack.
    static let maximumDepth = 64

    public static func parse(_ body: [UInt8]) -> RPCEnvelope {
        guard nestingDepth(body) <= maximumDepth, let value = JSONValue.parse(body) else {
            return .unreadable(.parse)
        }
        switch value {
        case .array(let items):
            guard !items.isEmpty else { return .unreadable(.invalidRequest) }
            return .batch(items.map(RPCCall.read))
        case .object:
            return .single(RPCCall.read(value))
        default:
            return .unreadable(.invalidRequest)
        }
    }

    /// The deepest nesting of arrays and objects, brackets inside strings aside.
    static func nestingDepth(_ body: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in body {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
