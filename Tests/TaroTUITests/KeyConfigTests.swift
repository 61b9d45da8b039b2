import XCTest
@testable import TaroTUI

/// `key.ACTION = KEY` lines of the config file.
final class KeyConfigTests: XCTestCase {
    private func parse(_ text: String) throws -> KeyTable {
        try KeyConfig.parse(text, file: "cfg")
    }

    private func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testAGoodLineRebindsAndOtherLinesAreLeftToTheOptions() throws {
        let table = try parse("# mine\nhttp2\nproxy = http://p:3128\nkey.abort = X\n  key.moveDown = ctrl-n  down\n")
        XCTAssertEqual(table.keys[.abort], [.character("X")])
        XCTAssertEqual(table.keys[.moveDown], [.control("n"), .down])
        XCTAssertEqual(table.action(for: .character("j")), nil, "j was moveDown's and is free now")
        XCTAssertEqual(table.action(for: .character("u")), .upload, "the rest stays standard")
    }

    func testNoKeyLinesIsTheStandardTable() throws {
        XCTAssertEqual(try parse("http2\n"), KeyTable.standard)
    }

    func testAConflictNamesTheLineThatMadeIt() {
        XCTAssertEqual(error("http2\n\nkey.retry = d\n"), "cfg line 3: d is bound to both retry and remove")
    }

    /// One key named twice for one action is no clash with itself.
    func testAKeyNamedTwiceForOneActionIsNoConflict() throws {
        let table = try parse("key.abort = X X\n")
        XCTAssertEqual(table.action(for: .character("X")), .abort)
        XCTAssertEqual(error("key.abort = X d\n"), "cfg line 1: d is bound to both abort and remove")
    }

    func testSwappingTwoKeysOnTwoLinesIsNoConflict() throws {
        let table = try parse("key.abort = d\nkey.remove = x\n")
        XCTAssertEqual(table.action(for: .character("d")), .abort)
        XCTAssertEqual(table.action(for: .character("x")), .remove)
    }

    func testAnUnknownActionOrKeyNamesItsLine() {
        XCTAssertTrue(error("key.explode = e").hasPrefix("cfg line 1: unknown action 'explode'"))
        XCTAssertEqual(error("\nkey.abort = hyper-x"), "cfg line 2: unknown key 'hyper-x'")
        XCTAssertEqual(error("key.abort ="), "cfg line 1: key.abort needs at least one key")
        XCTAssertEqual(error("key.abort"), "cfg line 1: key.abort needs keys (key.ACTION = KEY)")
    }

    func testTheOptionReaderSkipsKeyLinesButStillRejectsUnknownOptions() throws {
        XCTAssertEqual(try ConfigFile.parse("key.abort = X\nhttp2\n", file: "cfg").map(\.flag), ["--http2"])
        XCTAssertThrowsError(try ConfigFile.parse("keys = 1\n", file: "cfg"))
    }

    func testTheConfigFileInTheXDGDirectoryIsRead() throws {
        let dir = NSTemporaryDirectory() + "taro-keys-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/taro-tui", withIntermediateDirectories: true)
        try "key.quit = Q\n".write(toFile: dir + "/taro-tui/config", atomically: true, encoding: .utf8)
        let table = try KeyConfig.load(environment: ["XDG_CONFIG_HOME": dir])
        XCTAssertEqual(table.action(for: .character("Q")), .quit)
        XCTAssertEqual(try KeyConfig.load(environment: ["XDG_CONFIG_HOME": dir + "/none"]), .standard)
    }
}
