import Foundation
import TaroNet
import TaroRPC

/// The options every remote command shares: which instance to talk to (its
/// state directory, whose rpc.json names port and secret, or both given),
/// plus the command's own flags and operands.
struct RemoteArguments {
    var stateDirectory: String?
    var port: UInt16?
    var secret: String?
    var directory: String?
    var fileName: String?
    var json = false
    var operands: [String] = []

    init(_ args: [String]) throws {
        var reader = ArgumentReader(args)
        while let word = reader.next() {
            switch word {
            case .operand(let arg): operands.append(arg)
            case .option(let arg):
                switch arg {
                case "--state-dir": stateDirectory = try reader.value(of: arg)
                case "--rpc-port":
                    let text = try reader.value(of: arg)
                    guard let n = UInt16(text), n > 0 else { throw UsageError(description: "--rpc-port wants a port, not \(text)") }
                    port = n
                case "--rpc-secret": secret = try reader.value(of: arg)
                case "-d", "--dir": directory = try reader.value(of: arg)
                case "-o", "--out": fileName = try reader.value(of: arg)
                case "--json": json = true
                default: throw UsageError(description: "unknown option \(arg)")
                }
            }
        }
    }

    /// Port and secret: as given, else from the instance's rpc.json.
    func endpoint() throws -> RPCEndpoint {
        let state = stateDirectory ?? TransferStore.defaultDirectory()
        if let port, let secret { return RPCEndpoint(port: port, secret: secret) }
        guard var found = RPCEndpoint.read(stateDirectory: state) else {
            if let secret { return RPCEndpoint(port: port ?? 6800, secret: secret) }
            throw UsageError(description: "no taro-tui with remote control runs on the state directory \(state) "
                             + "(no rpc.json there); start one with `taro-tui --rpc` or `taro-tui daemon`")
        }
        if let port { found.port = port }
        if let secret { found.secret = secret }
        return found
    }
}
