import Foundation
import TaroServer

/// `taro-tui serve [--port N]`: the built-in loopback server on its own, for
/// trying the headless commands and for benchmarks. Runs until killed.
enum ServeCommand {
    static func run(_ args: [String]) -> Never {
        var port: UInt16 = 0
        if args.count == 2, args[0] == "--port", let p = UInt16(args[1]) {
            port = p
        } else if !args.isEmpty {
            fail("serve takes only --port N")
        }
        do {
            let server = try TaroServer(port: port)
            FileHandle.standardOutput.write(Data((server.baseURL + "\n").utf8))
            while true { sleep(3600) }
        } catch {
            fail("cannot start the server: \(error)", status: 1)
        }
    }
}
