import XCTest
import TaroNet
@testable import TaroTUI

/// The one key table: the standard one is consistent, and rebinding moves a
/// key everywhere at once (reducer, `?` screen, footer).
final class KeyTableTests: XCTestCase {
    func testTheStandardTableHasNoConflictsAndBindsEveryAction() {
        XCTAssertTrue(KeyTable.standard.conflicts.isEmpty, "\(KeyTable.standard.conflicts)")
        for action in Action.allCases {
            XCTAssertFalse(KeyTable.standard.keys[action, default: []].isEmpty, "\(action) has no key")
            XCTAssertFalse(action.help.isEmpty, "\(action) has no help text")
        }
    }

    func testEveryActionIsOnTheHelpScreenWithItsKeys() {
        let entries = KeyHelp.sections.flatMap(\.entries)
        for action in Action.allCases {
            XCTAssertTrue(entries.contains(KeyHelp.Entry(keys: KeyTable.standard.label(action), action: action.help)),
                          "\(action) is missing from the help")
        }
        XCTAssertTrue(entries.contains { $0.keys == "j Down" && $0.action.hasPrefix("select the next") })
    }

    func testTheStandardKeysMeanWhatTheyAlwaysDid() {
        let table = KeyTable.standard
        XCTAssertEqual(table.action(for: .character("x")), .abort)
        XCTAssertEqual(table.action(for: .character("=")), .moreJobs)
        XCTAssertEqual(table.action(for: .down), .moveDown)
        XCTAssertEqual(table.action(for: .function(1)), .help)
        XCTAssertEqual(table.action(for: .backTab), .focus)
        XCTAssertNil(table.action(for: .character("X")))
    }

    func testRebindingMovesTheKeyAndTheHelpAndFooterFollow() {
        var table = KeyTable.standard
        table.rebind(.abort, to: [.character("X")])
        XCTAssertEqual(table.action(for: .character("X")), .abort)
        XCTAssertNil(table.action(for: .character("x")), "the old key is free")
        XCTAssertTrue(table.conflicts.isEmpty)
        let entries = KeyHelp.sections(for: table).flatMap(\.entries)
        XCTAssertTrue(entries.contains(KeyHelp.Entry(keys: "X", action: Action.abort.help)))
        XCTAssertTrue(entries.contains { $0.keys == "X p r d" }, "the marked-rows line names X too")
        XCTAssertFalse(entries.contains { $0.keys == "x" })

        var state = AppState(downloadDirectory: "/tmp/x", size: TerminalSize(rows: 6, cols: 100))
        state.keys = table
        let footer = SnapshotScenes.render(state, []).lines.last ?? ""
        XCTAssertTrue(footer.contains("X abort"), footer)
        XCTAssertFalse(footer.contains("x abort"), footer)
    }

    func testTwoActionsOnOneKeyAreAConflict() {
        var table = KeyTable.standard
        table.rebind(.retry, to: [.character("q")])
        XCTAssertEqual(table.conflicts.count, 1)
        XCTAssertEqual(table.conflicts.first?.key, .character("q"))
        XCTAssertEqual(table.conflicts.first?.actions, [.retry, .quit])
    }

    func testKeyNames() {
        XCTAssertEqual(KeyName.parse("x"), .character("x"))
        XCTAssertEqual(KeyName.parse("X"), .character("X"))
        XCTAssertEqual(KeyName.parse("ctrl-x"), .control("x"))
        XCTAssertEqual(KeyName.parse("F5"), .function(5))
        XCTAssertEqual(KeyName.parse("space"), .character(" "))
        XCTAssertEqual(KeyName.parse("Enter"), .enter)
        XCTAssertEqual(KeyName.parse("esc"), .escape)
        XCTAssertEqual(KeyName.parse("up"), .up)
        XCTAssertEqual(KeyName.parse("pgdn"), .pageDown)
        for bad in ["", "xx", "ctrl-", "ctrl-1", "ctrl-c", "ctrl-z", "ctrl-i", "ctrl-m", "f13", "f0", "shift-x"] {
            XCTAssertNil(KeyName.parse(bad), bad)
        }
        for key in KeyTable.standard.keys.values.flatMap({ $0 }) {
            XCTAssertEqual(KeyName.parse(KeyName.display(key)), key, "\(key) reads back from its own name")
        }
    }
}
