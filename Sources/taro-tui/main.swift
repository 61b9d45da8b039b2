import Foundation
import TaroNet
import TaroRPC
import TaroTUI

// Argument parsing and dispatch only; the work lives in the libraries.

func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("taro-tui: \(message)\n".utf8))
    exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())

switch arguments.first {
case "--help", "-h", "help":
    // Help must print even when the config file is wrong: the standard keys then.
    print(HelpText.usage(keys: (try? KeyConfig.load(environment: ProcessInfo.processInfo.environment)) ?? .standard))
    exit(0)
case "--version", "-V":
    print(TaroVersion.full)
    exit(0)
case "serve":
    ServeCommand.run(Array(arguments.dropFirst()))
case "daemon":
    DaemonCommand.run(Array(arguments.dropFirst()))
case let command? where RemoteMain.commands.contains(command):
    exit(RemoteMain.run(command: command, arguments: Array(arguments.dropFirst())))
case let command? where HeadlessMain.commands.contains(command):
    exit(HeadlessMain.run(command: command, arguments: Array(arguments.dropFirst())))
default:
    break
}

let options: LaunchOptions
let wire: WireFlags
let attention: NotifyFlags
let keyTable: KeyTable
do {
    options = try LaunchOptions(try ManagerLaunch.configArguments() + arguments)
    wire = try WireFlags.resolve(options.wireFlags)
    attention = try NotifyFlags.resolve(options.notifyFlags)
    keyTable = try KeyConfig.load(environment: ProcessInfo.processInfo.environment)
} catch {
    fail("\(error)\n\(HelpText.short)")
}

var demoDirectory: String?
let directory: String
if let given = options.directory {
    // One spelling for one place, so rows, records and reruns agree.
    directory = LocalPath.canonicalDirectory(given)
} else if options.demo {
    do {
        directory = try DemoShowcase.makeTemporaryDirectory(prefix: "taro-demo")
        demoDirectory = directory
    } catch {
        fail("cannot create a directory for the demo: \(error)", status: 1)
    }
} else {
    directory = FileManager.default.currentDirectoryPath
}
var isDirectory: ObjCBool = false
guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
    fail("not a directory: \(directory)", status: 1)
}

// The list is opened now, so a bad path is an error on the command line and
// not a message on a screen that is already up. It is read once the screen is.
var importer: URLImport?
if let list = options.importList {
    if list == "-" && isatty(STDIN_FILENO) == 1 {
        fail("-i - reads the URL list from stdin, but stdin is this terminal; "
             + "pipe a list in (producer | taro-tui -i -) or name a file (-i LIST)")
    }
    do {
        importer = try URLImport(path: list)
    } catch {
        fail("\(error)")
    }
}

// The demo keeps its queue in a scratch directory: it must not add its
// showcase to the user's own queue.
var demoState: String?
if options.demo && options.stateDirectory == nil {
    demoState = try? DemoShowcase.makeTemporaryDirectory(prefix: "taro-demo-state")
}
let stateDirectory = demoState ?? options.stateDirectory.map { LocalPath.canonicalDirectory($0) }
    ?? TransferStore.defaultDirectory()
if importer == nil && !options.demo { ManagerLaunch.handOver(options, stateDirectory: stateDirectory) }
// Before the manager starts its threads (see MallocArenas).
MallocArenas.useOne()
let manager = ManagerLaunch.openManager(options, stateDirectory: stateDirectory, wire: wire)
// URLs named on the command line first: one that was saved unfinished is
// claimed and continues from its .part instead of starting a numbered twin.
for url in options.urls {
    manager.addDownload(url: url, directory: directory)
}
// Then the rest of what was saved comes back.
manager.restoreSaved()
var demo: DemoShowcase.Running?
if options.demo {
    do {
        demo = try DemoShowcase.start(manager: manager, downloadDirectory: directory)
    } catch {
        fail("cannot start the demo server: \(error)", status: 1)
    }
}
var config = AppConfig.fromEnvironment(downloadDirectory: directory)
config.keys = keyTable
// A record that could not be read was moved aside, not lost: say where.
let damaged = manager.damagedRecords
if !damaged.isEmpty {
    let noun = damaged.count == 1 ? "saved record could not be read; it was" : "saved records could not be read; they were"
    config.launchNotice = "\(damaged.count) \(noun) moved to "
        + ((damaged[0] as NSString).deletingLastPathComponent)
}

// Remote control starts before the screen, so a port in use is an error
// on the command line; it stops before the manager shuts down.
let rpc = options.rpc ? ManagerLaunch.startRPC(options, manager: manager, downloadDirectory: directory,
                                               stateDirectory: stateDirectory) : nil
config.rpcPort = rpc?.port
config.notify = attention.notify
config.title = attention.title
let status = TaroTUIApp.run(controller: manager, config: config, importing: importer,
                            beforeShutdown: { rpc?.stop() })
if let demo { DemoShowcase.stop(demo) }
if let demoDirectory { try? FileManager.default.removeItem(atPath: demoDirectory) }
if let demoState { try? FileManager.default.removeItem(atPath: demoState) }
exit(status)
