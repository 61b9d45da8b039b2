import Foundation
import TaroNet
import TaroRPC

/// `taro-tui add|ls|pause|resume|abort`: the command line as a client of a
/// running instance's JSON-RPC (aria2's protocol), so a second command never
/// fights the first over the state directory's lock.
public enum RemoteMain {
    public static let commands: Set<String> = ["add", "ls", "pause", "resume", "abort"]

    /// Exit status: 0 done, 1 no instance, or it refused or cannot be reached, 2 usage.
    public static func run(command: String, arguments: [String]) -> Int32 {
        let args: RemoteArguments
        do {
            args = try RemoteArguments(arguments)
            try check(command, args)
        } catch {
            report("\(error)")
            return 2
        }
        do {
            let client = RPCClient(endpoint: try args.endpoint())
            switch command {
            case "add":
                for gid in try add(args.operands, args: args, client: client) { print(gid) }
            case "ls":
                print(RemoteListing.render(try list(client), json: args.json,
                                           asciiOnly: !LocaleCodeset.isUTF8()), terminator: "")
            default:
                let method = ["pause": "aria2.pause", "resume": "aria2.unpause", "abort": "aria2.remove"][command]!
                for gid in args.operands { _ = try client.call(method, [.string(gid)]) }
            }
            return 0
        } catch {
            report("\(error)")
            return 1
        }
    }

    /// Hands URLs to the instance; the gid of each, in order.
    public static func add(_ urls: [String], directory: String?, fileName: String? = nil,
                           client: RPCClient) throws -> [String] {
        var options: [String: JSONValue] = [:]
        // Spelled as everywhere else (LocalPath): the instance may run in another directory.
        if let directory { options["dir"] = .string(LocalPath.canonicalDirectory(directory)) }
        if let fileName { options["out"] = .string(fileName) }
        return try urls.map { url in
            let gid = try client.call("aria2.addUri", [.array([.string(url)]), .object(options)])
            return gid.stringValue ?? ""
        }
    }

    private static func add(_ urls: [String], args: RemoteArguments, client: RPCClient) throws -> [String] {
        try add(urls, directory: args.directory, fileName: args.fileName, client: client)
    }

    /// Active, then waiting and paused, then stopped: aria2p's order.
    static func list(_ client: RPCClient) throws -> [JSONValue] {
        var rows: [JSONValue] = []
        for (method, params) in [("aria2.tellActive", [JSONValue]()), ("aria2.tellWaiting", [0, 1_000_000]),
                                 ("aria2.tellStopped", [0, 1_000_000])] {
            if case .array(let items) = try client.call(method, params) { rows += items }
        }
        return rows
    }

    private static func check(_ command: String, _ args: RemoteArguments) throws {
        switch command {
        case "add" where args.operands.isEmpty:
            throw UsageError(description: "add needs at least one URL")
        case "add" where args.fileName != nil && args.operands.count > 1:
            throw UsageError(description: "-o names the file of a single URL")
        case "ls" where !args.operands.isEmpty:
            throw UsageError(description: "ls takes no operands")
        case "pause", "resume", "abort":
            guard !args.operands.isEmpty else {
                throw UsageError(description: "\(command) needs the ID (gid) of a transfer; see taro-tui ls")
            }
        default: break
        }
    }

    private static func report(_ message: String) {
        FileHandle.standardError.write(Data("taro-tui: \(TerminalText.sanitize(message))\n".utf8))
    }
}
