import Foundation
import TaroTUI

/// `taro-tui [-d DIR] [-j N] [-i LIST|-] [--state-dir DIR] [--retries N] [--max-size BYTES] [--demo]
/// [--rpc [--rpc-port N] [--rpc-secret S] [--rpc-listen-all] [--rpc-allow-dir DIR]...]
/// [network options: --cacert, -k, --proxy, -u, -b, -c, -A, --http2, …] [URL ...]`, parsed.
struct LaunchOptions {
    var directory: String?
    /// `-i`: a file of URLs, one per line, or "-" for stdin.
    var importList: String?
    var concurrency = 4
    var demo = false
    var urls: [String] = []
    var stateDirectory: String?
    var retries = 7
    var maxSize: Int64 = 0
    /// --limit-rate and friends, --per-host.
    var rates = RateFlags()
    /// The shared network options as given, applied after the config file's.
    var wireFlags: [(flag: String, value: String?)] = []
    /// --notify and --no-title as given, applied after the config file's.
    var notifyFlags: [(flag: String, value: String?)] = []
    /// aria2's JSON-RPC (see TaroRPC): off unless asked for.
    var rpc = false
    var rpcPort: UInt16 = 6800
    var rpcSecret: String?
    var rpcListenAll = false
    var rpcAllowDirs: [String] = []
    var rpcMaxRequestSize = 2 << 20

    init(_ args: [String]) throws {
        var reader = ArgumentReader(args)
        while let word = reader.next() {
            switch word {
            case .operand(let url): urls.append(url)
            case .option(let arg): try take(arg, from: &reader)
            }
        }
    }

    /// One option, with its value from `reader` when it takes one.
    private mutating func take(_ arg: String, from reader: inout ArgumentReader) throws {
        func value() throws -> String { try reader.value(of: arg) }
        switch arg {
        case "-d", "--dir":
            directory = try value()
        case "-j", "--jobs":
            let text = try value()
            guard let n = Int(text), (1...256).contains(n) else {
                throw UsageError(description: "-j wants a number from 1 to 256, not \(text)")
            }
            concurrency = n
        case "-i", "--input":
            let list = try value()
            guard importList == nil else {
                throw UsageError(description: "-i takes one list; join the lists into one (cat a b | taro-tui -i -)")
            }
            guard !list.isEmpty else { throw UsageError(description: "-i needs a file name, or - for stdin") }
            importList = list
        case "--demo":
            demo = true
        case "--state-dir":
            stateDirectory = try value()
        case "--retries":
            let text = try value()
            guard let n = Int(text), (0...1000).contains(n) else {
                throw UsageError(description: "--retries wants a number from 0 to 1000, not \(text)")
            }
            retries = n
        case "--max-size":
            let text = try value()
            guard let n = Int64(text), n >= 0 else {
                throw UsageError(description: "--max-size wants a number of bytes, not \(text)")
            }
            maxSize = n
        case _ where RateFlags.withValue.contains(arg):
            do {
                _ = try rates.take(arg, try value())
            } catch let error as RateFlagError {
                throw UsageError(description: error.description)
            }
        case "--rpc", "--enable-rpc":
            rpc = true
        case "--rpc-port", "--rpc-listen-port":
            let text = try value()
            // 0: any free port (rpc.json and the footer say which).
            guard let n = UInt16(text) else {
                throw UsageError(description: "\(arg) wants a port from 0 to 65535, not \(text)")
            }
            rpcPort = n
        case "--rpc-secret":
            let text = try value()
            guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else {
                throw UsageError(description: "--rpc-secret wants printable characters without spaces")
            }
            rpcSecret = text
        case "--rpc-listen-all":
            rpcListenAll = true
        case "--rpc-allow-dir":
            rpcAllowDirs.append(try value())
        case "--rpc-max-request-size":
            let text = try value()
            // The size as a rate is written (2M, 512K): one parser for both, which refuses what overflows.
            guard let n = try? RateText.parse(text), (1024...(64 << 20)).contains(n) else {
                throw UsageError(description: "--rpc-max-request-size wants 1K to 64M, not \(text)")
            }
            rpcMaxRequestSize = Int(n)
        case _ where NotifyFlags.withValue.contains(arg):
            let text = try value()
            // Checked here, so a bad config line is named by its number.
            do {
                _ = try NotifyMode.parse(text)
            } catch {
                throw UsageError(description: "\(error)")
            }
            notifyFlags.append((arg, text))
        case _ where NotifyFlags.switches.contains(arg):
            notifyFlags.append((arg, nil))
        case _ where WireFlags.withValue.contains(arg):
            wireFlags.append((arg, try value()))
        case _ where WireFlags.switches.contains(arg):
            wireFlags.append((arg, nil))
        default:
            throw UsageError(description: "unknown option \(arg)")
        }
    }
}
