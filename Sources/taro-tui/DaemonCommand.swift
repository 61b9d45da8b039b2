import Foundation
import TaroNet
import TaroRPC
import TaroTUI

/// `taro-tui daemon [options] [URL ...]`: the manager of the full-screen
/// program without a screen, driven only over aria2's JSON-RPC (always on
/// here). Runs until SIGINT or SIGTERM, then stops remote control, keeps
/// what is unfinished in the state directory and exits 0.
enum DaemonCommand {
    static func run(_ arguments: [String]) -> Never {
        var options: LaunchOptions
        let wire: WireFlags
        do {
            options = try LaunchOptions(try ManagerLaunch.configArguments() + arguments)
            // The network options and the config file, as for the screen.
            wire = try WireFlags.resolve(options.wireFlags)
        } catch {
            fail("\(error)\n\(HelpText.short)")
        }
        guard !options.demo, options.importList == nil else { fail("daemon takes neither --demo nor -i") }
        options.rpc = true
        // Spelled as the screen spells them (LocalPath): ~, relative, .., symlinks.
        let directory = LocalPath.canonicalDirectory(options.directory ?? FileManager.default.currentDirectoryPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            fail("not a directory: \(directory)", status: 1)
        }
        let stateDirectory = options.stateDirectory.map { LocalPath.canonicalDirectory($0) } ?? TransferStore.defaultDirectory()
        ManagerLaunch.handOver(options, stateDirectory: stateDirectory)

        // Blocked before any thread starts, so every thread inherits the
        // mask and the signals wait for sigwait below.
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let manager = ManagerLaunch.openManager(options, stateDirectory: stateDirectory, wire: wire)
        manager.restoreSaved()
        if !options.urls.isEmpty { manager.addDownloads(urls: options.urls, directory: directory) }
        let rpc = ManagerLaunch.startRPC(options, manager: manager, downloadDirectory: directory,
                                         stateDirectory: stateDirectory)
        let host = options.rpcListenAll ? "0.0.0.0" : "127.0.0.1"
        FileHandle.standardError.write(Data(("taro-tui daemon: JSON-RPC on http://\(host):\(rpc.port)/jsonrpc, "
            + "secret in \(RPCEndpoint.path(stateDirectory: stateDirectory)); downloads into \(directory)\n").utf8))
        var received: Int32 = 0
        sigwait(&signals, &received)
        rpc.stop()
        manager.shutdown()
        exit(0)
    }
}
