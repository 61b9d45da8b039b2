import Foundation
import XCTest
@testable import TaroTUI

/// The config file sets the manager's own defaults too: rate limits for the
/// screen, `get` and `upload`, and remote control; a bad value names its line.
final class ConfigManagerOptionsTests: XCTestCase {
    private var home: String!

    override func setUpWithError() throws {
        home = NSTemporaryDirectory() + "taro-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/taro-tui", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: home)
    }

    private func write(_ text: String) throws -> [String: String] {
        try text.write(toFile: home + "/taro-tui/config", atomically: true, encoding: .utf8)
        return ["XDG_CONFIG_HOME": home]
    }

    func testRateAndRemoteControlLinesAreOptions() throws {
        let entries = try ConfigFile.parse("rpc\nrpc-port = 6801\nlimit-rate = 2M\nper-host = 3\nrpc-listen-all\n", file: "cfg")
        XCTAssertEqual(entries.map(\.flag), ["--rpc", "--rpc-port", "--limit-rate", "--per-host", "--rpc-listen-all"])
        for (text, line) in [("rpc = yes\n", 1), ("\nlimit-rate\n", 2), ("rpc-port =\n", 1)] {
            XCTAssertThrowsError(try ConfigFile.parse(text, file: "cfg")) { error in
                XCTAssertTrue("\(error)".hasPrefix("cfg line \(line): "), "\(error)")
            }
        }
    }

    /// A file saved with CRLF line ends (an editor on Windows) reads as the
    /// same options, and its key lines as the same keys.
    func testCRLFLineEndsReadAsTheSameOptionsAndKeys() throws {
        let entries = try ConfigFile.parse("# c\r\nrpc\r\nlimit-rate = 2M\r\nkey.abort = X\r\n", file: "cfg")
        XCTAssertEqual(entries.map(\.flag), ["--rpc", "--limit-rate"])
        XCTAssertEqual(entries.map(\.value), [nil, "2M"])
        let table = try KeyConfig.parse("key.abort = X\r\n", file: "cfg")
        XCTAssertEqual(table.action(for: .character("X")), .abort)
    }

    func testRateLinesComeBeforeTheCommandLineAndABadValueNamesItsLine() throws {
        let env = try write("# defaults\ncacert = /nonexistent-is-not-read-here.pem\nlimit-rate-each = 1M\nlimit-rate = 4M\n")
        XCTAssertEqual(try ConfigFile.rateArguments(environment: env), ["--limit-rate-each", "1M", "--limit-rate", "4M"])
        let bad = try write("limit-rate = 2M\nlimit-rate-up = fast\n")
        XCTAssertThrowsError(try ConfigFile.rateArguments(environment: bad)) { error in
            XCTAssertTrue("\(error)".contains("line 2"), "\(error)")
            XCTAssertTrue("\(error)".contains("fast"), "\(error)")
        }
    }

    func testTheManagersLinesAreCheckedOneByOne() throws {
        let env = try write("rpc\nrpc-port = 6802\n")
        let flags = ConfigFile.managerWithValue.union(ConfigFile.managerSwitches)
        var seen: [[String]] = []
        let arguments = try ConfigFile.arguments(for: flags, environment: env) { seen.append($0) }
        XCTAssertEqual(arguments, ["--rpc", "--rpc-port", "6802"])
        XCTAssertEqual(seen, [["--rpc"], ["--rpc-port", "6802"]])
        let bad = try write("rpc\nrpc-port = 6802\n")
        XCTAssertThrowsError(try ConfigFile.arguments(for: flags, environment: bad) { pair in
            if pair.count == 2 { throw WireFlags.OptionError(description: "--rpc-port wants a port") }
        }) { error in
            XCTAssertEqual("\(error)", home + "/taro-tui/config line 2: --rpc-port wants a port")
        }
    }
}
