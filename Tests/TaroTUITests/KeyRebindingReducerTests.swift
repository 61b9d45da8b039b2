import XCTest
import TaroNet
@testable import TaroTUI

/// The reducer goes by the table: a rebound key does the action, the old
/// key does nothing, and messages name the key as it now is.
final class KeyRebindingReducerTests: XCTestCase {
    func testAReboundAbortKeyAbortsAndTheOldOneNoLongerDoes() {
        var h = ReducerHarness()
        h.state.keys.rebind(.abort, to: [.character("X")])
        h.select(id: 1)  // active
        h.press(.char("x"))
        XCTAssertEqual(h.commands, [], "x is unbound")
        h.press(.char("X"))
        XCTAssertEqual(h.commands, [.abort(1)])
    }

    func testReboundMovingKeysMoveTheSelectionAndTheHelp() {
        var h = ReducerHarness()
        h.state.keys.rebind(.moveDown, to: [.control("n")])
        h.press(.char("j"))
        XCTAssertEqual(h.state.selectedID, 1, "j is unbound")
        h.press(.control("n"))
        XCTAssertEqual(h.state.selectedID, 2)
        XCTAssertTrue(h.state.helpScroll == 0)
        h.state.size = TerminalSize(rows: 10, cols: 80)
        h.press(.char("?"), .control("n"))
        XCTAssertTrue(h.state.helpVisible, "the rebound key scrolls the help instead of closing it")
        XCTAssertEqual(h.state.helpScroll, 1)
    }

    func testARebindingSwapsTwoActions() {
        var h = ReducerHarness()
        h.state.keys.rebind(.quit, to: [.character("Q")])
        h.state.keys.rebind(.filter, to: [.character("q")])
        h.press(.char("q"))
        XCTAssertFalse(h.quit)
        XCTAssertEqual(h.state.prompt?.purpose, .filter)
    }

    func testMessagesNameTheReboundKey() {
        var h = ReducerHarness()
        h.state.keys.rebind(.abort, to: [.character("X")])
        h.select(id: 1)
        h.press(.char(" "))
        XCTAssertEqual(h.state.message?.text, "1 marked: X p r d act on all of them; * toggles all shown.")
    }

    func testHintsOnTheScreenNameTheReboundKeys() {
        var state = AppState(downloadDirectory: "/tmp/x", size: TerminalSize(rows: 6, cols: 100))
        state.keys.rebind(.pauseResume, to: [.function(5)])
        state.keys.rebind(.add, to: [.character("A")])
        let saved = Fixtures.item(2, "other.bin", .saved, done: Fixtures.MiB, total: 4 * Fixtures.MiB)
        XCTAssertTrue(SnapshotScenes.render(state, [saved]).text.contains("F5 continues, d discards"))
        XCTAssertTrue(SnapshotScenes.render(state, []).text.contains("Press A to download a URL"))
    }

    func testTheKeysOtherEngineersAddedAreInTheTableToo() {
        var h = ReducerHarness()
        h.state.keys.rebind(.failures, to: [.function(5)])
        h.press(.char("F"))
        XCTAssertFalse(h.state.failuresVisible, "F is unbound")
        h.press(.function(5))
        XCTAssertTrue(h.state.failuresVisible)
        h.press(.function(5))
        XCTAssertFalse(h.state.failuresVisible, "its own key closes it again")
        XCTAssertEqual(KeyTable.standard.action(for: .character("C")), .copyCurl)
        XCTAssertEqual(KeyTable.standard.action(for: .character("F")), .failures)
    }
}
