import Foundation
import TaroNet
import TaroTUI

// Argument parsing and dispatch only; the work lives in the libraries.

func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("taro-tui: \(message)\n".utf8))
    exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())

switch arguments.first {
case "--help", "-h", "help":
    print(HelpText.usage)
    exit(0)
case "--version", "-V":
    print(TaroVersion.full)
    exit(0)
case "serve":
    ServeCommand.run(Array(arguments.dropFirst()))
case let command? where HeadlessMain.commands.contains(command):
    exit(HeadlessMain.run(command: command, arguments: Array(arguments.dropFirst())))
default:
    break
}

let options: LaunchOptions
let wire: WireFlags
do {
    options = try LaunchOptions(arguments)
    wire = try WireFlags.resolve(options.wireFlags)
} catch {
    fail("\(error)\n\(HelpText.short)")
}

var demoDirectory: String?
let directory: String
if let given = options.directory {
    directory = given
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
let manager: TransferManager
do {
    var managerOptions = ManagerOptions(
        limit: options.concurrency, retry: RetryPolicy(maxAttempts: options.retries + 1),
        maxBodyBytes: options.maxSize,
        stateDirectory: demoState ?? options.stateDirectory ?? TransferStore.defaultDirectory())
    managerOptions.wire = wire.wire
    managerOptions.maxHostConnections = wire.maxHostConnections
    manager = try TransferManager(options: managerOptions)
} catch {
    fail("\(error)", status: 1)
}
// Unfinished transfers of the last run come back first, and continue.
manager.restoreSaved()
var demo: DemoShowcase.Running?
if options.demo {
    do {
        demo = try DemoShowcase.start(manager: manager, downloadDirectory: directory)
    } catch {
        fail("cannot start the demo server: \(error)", status: 1)
    }
}
for url in options.urls {
    manager.addDownload(url: url, directory: directory)
}

let config = AppConfig.fromEnvironment(downloadDirectory: directory)
let status = TaroTUIApp.run(controller: manager, config: config, importing: importer)
if let demo { DemoShowcase.stop(demo) }
if let demoDirectory { try? FileManager.default.removeItem(atPath: demoDirectory) }
if let demoState { try? FileManager.default.removeItem(atPath: demoState) }
exit(status)
