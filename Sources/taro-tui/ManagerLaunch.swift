import Foundation
import TaroNet
import TaroRPC
import TaroTUI

/// What the full-screen manager and the daemon both do at start: hand URLs
/// to an instance already running on the state directory, open the manager
/// (taking the directory's lock), and start remote control when asked.
enum ManagerLaunch {
    /// When an instance with remote control runs on `stateDirectory`, gives
    /// it the URLs and exits: a second `taro-tui URL` adds to the first
    /// instead of failing on its lock. Returns when there is no such instance.
    static func handOver(_ options: LaunchOptions, stateDirectory: String) {
        guard !options.urls.isEmpty, let endpoint = RPCEndpoint.read(stateDirectory: stateDirectory) else { return }
        let client = RPCClient(endpoint: endpoint)
        do {
            let gids = try RemoteMain.add(options.urls, directory: options.directory, client: client)
            for (gid, url) in zip(gids, options.urls) {
                print("handed to the running taro-tui (port \(endpoint.port)): \(gid) \(TerminalText.sanitize(url))")
            }
            exit(0)
        } catch RPCClient.Failure.refused(let error) where error != .unauthorized {
            fail("the running taro-tui refused: \(TerminalText.sanitize(error.message))", status: 1)
        } catch {
            // A file left by an instance that ended (nothing listens, or
            // something else does now): this one opens the directory itself,
            // and its lock says whether another instance still holds it.
            return
        }
    }

    /// The manager's options set in the config file (rates, remote
    /// control), as arguments to put before the command line's.
    static func configArguments() throws -> [String] {
        try ConfigFile.arguments(for: ConfigFile.managerWithValue.union(ConfigFile.managerSwitches)) { pair in
            _ = try LaunchOptions(pair)
        }
    }

    static func openManager(_ options: LaunchOptions, stateDirectory: String, wire: WireFlags) -> TransferManager {
        do {
            var managerOptions = ManagerOptions(
                limit: options.concurrency, retry: RetryPolicy(maxAttempts: options.retries + 1),
                maxBodyBytes: options.maxSize, stateDirectory: stateDirectory)
            options.rates.apply(to: &managerOptions)
            managerOptions.wire = wire.wire
            managerOptions.maxHostConnections = wire.maxHostConnections
            return try TransferManager(options: managerOptions)
        } catch {
            var message = "\(error)"
            if message.contains("another taro-tui") {
                message += "; start that one with --rpc (or run `taro-tui daemon`) and `taro-tui URL…` "
                    + "or `taro-tui add URL…` hands URLs to it"
            }
            fail(message, status: 1)
        }
    }

    static func startRPC(_ options: LaunchOptions, manager: TransferManager, downloadDirectory: String,
                         stateDirectory: String) -> RPCServer {
        var configuration = RPCServer.Configuration(downloadDirectory: downloadDirectory, stateDirectory: stateDirectory)
        configuration.port = options.rpcPort
        // From the environment when not given: a command line is readable by
        // every local user (/proc/PID/cmdline), the environment is not.
        let fromEnvironment = ProcessInfo.processInfo.environment["TARO_TUI_RPC_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.secret = options.rpcSecret ?? fromEnvironment
        configuration.allowedDirectories = options.rpcAllowDirs
        configuration.limits.listenAll = options.rpcListenAll
        configuration.limits.maximumBody = options.rpcMaxRequestSize
        do {
            return try RPCServer(manager: manager, configuration: configuration)
        } catch {
            manager.shutdown()
            fail("\(error)", status: 1)
        }
    }
}
