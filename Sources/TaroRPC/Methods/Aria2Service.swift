import Foundation
import TaroNet

/// aria2's JSON-RPC over a TransferManager: takes the body of a POST and
/// answers it. It reads the envelope, checks each call's `token:` with the
/// secret, looks the method up in the table (Aria2Methods) and turns what
/// the method throws into aria2's error objects. Any thread may call it;
/// the manager is thread-safe and the service keeps no state of its own.
public final class Aria2Service: Sendable {
    public let manager: TransferManager
    let secret: RPCSecret
    let roots: DownloadRoots
    let sessionID: String
    /// How long `aria2.remove` waits for a running transfer to stop, so that
    /// a `removeDownloadResult` right after it (aria2p does this) finds it removed.
    let removeWait: Duration

    public init(manager: TransferManager, secret: RPCSecret, roots: DownloadRoots,
                removeWait: Duration = .seconds(3)) {
        self.manager = manager
        self.secret = secret
        self.roots = roots
        self.removeWait = removeWait
        sessionID = RPCSecret.generate().text.prefix(40).description
    }

    /// What to send back for one request body.
    public struct Reply: Sendable {
        /// 200 for results, 400 when a single call failed, 500 for a body
        /// that is not JSON: what aria2 answers.
        public var status: Int
        public var body: [UInt8]
        /// Some call carried the right secret: only then may a browser
        /// page read the answer (CORS).
        public var authenticated: Bool
    }

    public func respond(to body: [UInt8]) -> Reply {
        var authenticated = false
        switch RPCEnvelope.parse(body) {
        case .unreadable(let error):
            return Reply(status: error == .parse ? 500 : 400,
                         body: Self.encode(id: .null, outcome: .failure(error)), authenticated: false)
        case .single(let read):
            let (id, outcome) = answer(read, authenticated: &authenticated)
            let failed = if case .failure = outcome { true } else { false }
            return Reply(status: failed ? 400 : 200, body: Self.encode(id: id, outcome: outcome),
                         authenticated: authenticated)
        case .batch(let reads):
            let parts = reads.map { read -> String in
                let (id, outcome) = answer(read, authenticated: &authenticated)
                return Self.envelope(id: id, outcome: outcome)
            }
            return Reply(status: 200, body: Array(("[" + parts.joined(separator: ",") + "]").utf8),
                         authenticated: authenticated)
        }
    }

    private func answer(_ read: Result<RPCCall, RPCFailure>,
                        authenticated: inout Bool) -> (JSONValue, Result<JSONValue, RPCError>) {
        switch read {
        case .failure(let failure):
            return (failure.id, .failure(failure.error))
        case .success(let request):
            return (request.id, call(request.method, request.params, authenticated: &authenticated, nested: false))
        }
    }

    /// Runs one call: `system.multicall` runs each of its calls through here.
    func call(_ method: String, _ params: [JSONValue], authenticated: inout Bool,
              nested: Bool) -> Result<JSONValue, RPCError> {
        if method == "system.multicall" {
            guard !nested else { return .failure(RPCError("Recursive system.multicall forbidden.")) }
            return multicall(params, authenticated: &authenticated)
        }
        guard let handler = Aria2Methods.table[method] else { return .failure(.noSuchMethod(method)) }
        var rest = params
        if !Aria2Methods.withoutToken.contains(method) {
            guard case .string(let first)? = params.first, first.hasPrefix("token:"),
                  secret.matches(String(first.dropFirst("token:".count))) else {
                return .failure(.unauthorized)
            }
            authenticated = true
            rest.removeFirst()
        }
        do {
            return .success(try handler(self, Aria2Params(rest)))
        } catch let error as RPCError {
            return .failure(error)
        } catch {
            return .failure(RPCError("\(error)"))
        }
    }

    /// `[[{methodName, params}, …]]` → `[[result] or {code, message}, …]`.
    private func multicall(_ params: [JSONValue], authenticated: inout Bool) -> Result<JSONValue, RPCError> {
        guard params.count == 1, case .array(let calls) = params[0] else { return .failure(.wrongType(at: 0)) }
        var results: [JSONValue] = []
        for item in calls {
            guard case .string(let name)? = item["methodName"] else {
                results.append(RPCError("Missing methodName.").json)
                continue
            }
            let inner: [JSONValue]
            switch item["params"] {
            case nil, .null?: inner = []
            case .array(let values)?: inner = values
            default:
                results.append(RPCError("Missing params.").json)
                continue
            }
            switch call(name, inner, authenticated: &authenticated, nested: true) {
            case .success(let value): results.append(.array([value]))
            case .failure(let error): results.append(error.json)
            }
        }
        return .success(.array(results))
    }

    static func envelope(id: JSONValue, outcome: Result<JSONValue, RPCError>) -> String {
        switch outcome {
        case .success(let value):
            return JSONValue.object(["id": id, "jsonrpc": "2.0", "result": value]).serialized
        case .failure(let error):
            return JSONValue.object(["id": id, "jsonrpc": "2.0", "error": error.json]).serialized
        }
    }

    static func encode(id: JSONValue, outcome: Result<JSONValue, RPCError>) -> [UInt8] {
        Array(envelope(id: id, outcome: outcome).utf8)
    }
}
