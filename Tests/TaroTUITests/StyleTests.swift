import XCTest
import TaroNet
@testable import TaroTUI

/// What the text snapshots cannot show: which cells are reversed, bold or
/// coloured.
final class StyleTests: XCTestCase {
    func testSelectedRowIsReversedAcrossTheWholeWidth() {
        let screen = SnapshotScenes.render(SnapshotScenes.state(24, 80))
        for col in 0..<80 {
            XCTAssertTrue(screen[1, col].style.reverse, "col \(col)")
            XCTAssertFalse(screen[2, col].style.reverse, "col \(col)")
        }
        XCTAssertTrue(screen[1, 5].style.bold)   // the list has focus
    }

    func testSelectedRowIsNotBoldWhenThePaneHasFocus() {
        let screen = SnapshotScenes.paneOpen(24, 80, focus: .pane)
        XCTAssertTrue(screen[6, 5].style.reverse)
        XCTAssertFalse(screen[6, 5].style.bold)
        XCTAssertTrue(screen[11, 40].style.reverse)   // the focused pane's title bar
    }

    func testStateWordsCarryTheirColourRole() {
        let screen = SnapshotScenes.render(SnapshotScenes.state(24, 80))
        let stateX = TransferColumns(width: 80).stateX
        XCTAssertEqual(screen[6, stateX].style.role, .good)      // done
        XCTAssertEqual(screen[7, stateX].style.role, .bad)       // failed
        XCTAssertEqual(screen[5, stateX].style.role, .warning)   // paused
        XCTAssertEqual(screen[4, stateX].style.role, .muted)     // queued
        XCTAssertEqual(screen[7, TransferColumns(width: 80).barX].style.role, .bad)   // the error text
    }

    func testPromptCursorIsAReversedCell() {
        let atEnd = SnapshotScenes.prompt(10, 40, text: "https://a")
        XCTAssertEqual(atEnd[9, 23].grapheme, " ")
        XCTAssertTrue(atEnd[9, 23].style.reverse)
        XCTAssertFalse(atEnd[9, 22].style.reverse)
        let inside = SnapshotScenes.prompt(10, 40, text: "https://a", cursorFromEnd: 1)
        XCTAssertEqual(inside[9, 22].grapheme, "a")
        XCTAssertTrue(inside[9, 22].style.reverse)
    }

    func testPromptKeepsTheCursorVisibleWhenItIsEarlyInALongText() {
        let text = "https://example.com/" + String(repeating: "x", count: 100)
        let screen = SnapshotScenes.prompt(10, 40, text: text, cursorFromEnd: 120)
        XCTAssertEqual(screen.lines[9], "Download URL: https://example.com/xxxxxx")
        XCTAssertTrue(screen[9, 14].style.reverse)
    }
}
