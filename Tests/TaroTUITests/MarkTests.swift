import XCTest
import TaroNet
@testable import TaroTUI

/// Space and * mark rows; x p r d then act on every marked row they apply
/// to; aborting more than three asks first.
final class MarkTests: XCTestCase {
    func testSpaceMarksAndMovesOnAndStarTogglesAllShown() {
        var h = ReducerHarness()
        h.press(.char(" "), .char(" "))
        XCTAssertEqual(h.state.marked, [1, 2])
        XCTAssertEqual(h.state.selectedID, 3, "Space moves to the next row")
        h.press(.up, .char(" "))
        XCTAssertEqual(h.state.marked, [1], "Space again unmarks")
        h.press(.char("*"))
        XCTAssertEqual(h.state.marked, Set(1...9))
        h.press(.char("*"))
        XCTAssertEqual(h.state.marked, [])
    }

    func testActionsApplyToEveryMarkedRowTheyFit() {
        var h = ReducerHarness()
        h.state.marked = [5, 6, 7, 8]  // paused, done, failed, aborted
        h.press(.char("r"))
        XCTAssertEqual(h.commands, [.retry(7), .retry(8)])
        XCTAssertEqual(h.state.message?.text, "Retrying 2 transfers (2 skipped).")
        XCTAssertEqual(h.state.marked, [], "marks are used up")
        h.commands = []
        h.state.marked = [6, 7]
        h.press(.char("d"))
        XCTAssertEqual(h.commands, [.remove(6), .remove(7)])
        h.commands = []
        h.state.marked = [6]
        h.press(.char("x"))
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.message?.text, "None of the 1 marked transfers can take that.")
    }

    func testAbortingMoreThanThreeAsksFirst() {
        var h = ReducerHarness()
        h.state.marked = [1, 2, 3, 4, 6]
        h.press(.char("x"))
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.message, StatusMessage("Abort 4 transfers? (y/N)", kind: .question))
        h.press(.char("n"))
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.message?.text, "Nothing aborted.")
        XCTAssertEqual(h.state.marked.count, 5, "a refusal keeps the marks")
        h.press(.char("x"), .char("y"))
        XCTAssertEqual(h.commands, [.abort(1), .abort(2), .abort(3), .abort(4)])
        XCTAssertEqual(h.state.marked, [])
        h.commands = []
        h.state.marked = [1, 2, 3]
        h.press(.char("x"))
        XCTAssertEqual(h.commands, [.abort(1), .abort(2), .abort(3)], "three abort without asking")
    }

    func testMarkedRowsShowTheMarkAndTheFooterCountsThem() {
        var state = SnapshotScenes.state(24, 80)
        state.marked = [2, 4]
        let lines = SnapshotScenes.render(state).lines
        XCTAssertTrue(lines[2].hasPrefix(" ● 数据集"), lines[2])
        XCTAssertTrue(lines[4].hasPrefix(" ● photo.jpg"), lines[4])
        XCTAssertTrue(lines[3].hasPrefix(" ↓ stream.log"), lines[3])
        XCTAssertTrue(lines[22].hasPrefix(" 2 marked · 4 active"), lines[22])
    }
}
