import XCTest
import TaroNet
@testable import TaroTUI

/// A transfer that ran with --insecure says so on its row and in its pane;
/// a checked one says nothing of the kind. The config file's parser names
/// the line of each mistake, and the shipped example is all known options.
final class WireOptionsDisplayTests: XCTestCase {
    private func screen(insecure: Bool) -> [String] {
        var items = SnapshotScenes.mixedWithExchange
        items[5].insecure = insecure
        var state = SnapshotScenes.state(24, 100, items: items)
        state.select(index: 5, in: items)
        state.paneOpen = true
        return SnapshotScenes.render(state, items).lines
    }

    func testAnInsecureTransferIsMarkedOnItsRowAndInThePane() {
        let marked = screen(insecure: true)
        XCTAssertEqual(marked.filter { $0.contains("[insecure]") }.count, 1, marked.joined(separator: "\n"))
        XCTAssertTrue(marked.contains { $0.contains("certificate NOT checked (--insecure)") }, marked.joined(separator: "\n"))

        let checked = screen(insecure: false)
        XCTAssertFalse(checked.contains { $0.contains("[insecure]") || $0.contains("NOT checked") })
    }

    func testConfigLinesAreReadAndAMistakeNamesItsLine() throws {
        let entries = try ConfigFile.parse("# c\n\ncacert = /x.pem\n  insecure  \nuser-agent=a b\n", file: "cfg")
        XCTAssertEqual(entries.map(\.flag), ["--cacert", "--insecure", "--user-agent"])
        XCTAssertEqual(entries.map(\.value), ["/x.pem", nil, "a b"])
        XCTAssertEqual(entries.map(\.line), [3, 4, 5])
        for (text, line) in [("insecure\nnope\n", 2), ("cacert\n", 1), ("\n\ninsecure = yes", 3), ("-k\n", 1)] {
            XCTAssertThrowsError(try ConfigFile.parse(text, file: "cfg")) { error in
                XCTAssertTrue("\(error)".hasPrefix("cfg line \(line): "), "\(error)")
            }
        }
    }

    func testTheShippedExampleHoldsOnlyKnownOptions() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/config.example").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
        XCTAssertTrue(try ConfigFile.parse(text, file: example).isEmpty, "all of it is commented out")
        // Uncommented, every example line is an option the program knows.
        let option = try Regex("^# ([a-z0-9.-]+)( = .*)?$")
        let lines = text.split(separator: "\n").filter { $0.wholeMatch(of: option) != nil }.map { String($0.dropFirst(2)) }
        let options = lines.filter { !$0.hasPrefix(KeyConfig.prefix) }
        XCTAssertGreaterThan(options.count, 10)
        // Its key lines, uncommented, rebind without a conflict.
        let keyLines = text.split(separator: "\n").filter { $0.hasPrefix("# " + KeyConfig.prefix) }.map { $0.dropFirst(2) }
        XCTAssertGreaterThanOrEqual(keyLines.count, 2)
        let table = try KeyConfig.parse(keyLines.joined(separator: "\n"), file: example)
        XCTAssertEqual(table.action(for: .character("X")), .abort)
        let entries = try ConfigFile.parse(options.joined(separator: "\n"), file: example)
        XCTAssertEqual(entries.count, options.count)
    }

    func testFlagsAreCheckedBeforeAnythingStarts() {
        var flags = WireFlags()
        XCTAssertThrowsError(try flags.apply("-u", "no-colon")) { error in
            XCTAssertFalse("\(error)".contains("no-colon"), "a password is never echoed")
        }
        XCTAssertThrowsError(try flags.apply("--cacert", "/nonexistent/ca.pem"))
        XCTAssertThrowsError(try flags.apply("--connect-timeout", "0"))
        XCTAssertNoThrow(try flags.apply("-u", "bob:pa:ss"))
        XCTAssertEqual(flags.wire.credentials, .init(user: "bob", password: "pa:ss"))
        XCTAssertEqual("\(flags.wire.credentials!)", "bob:***")
    }
}
