import XCTest
@testable import TaroTUI

final class ScreenBufferTests: XCTestCase {
    func testTextIsClippedAtTheRightEdgeAndOutsideRows() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 2, cols: 5))
        XCTAssertEqual(buffer.put("abcdefgh", row: 0, col: 2), 3)
        XCTAssertEqual(buffer.put("x", row: 5, col: 0), 0)
        XCTAssertEqual(buffer.put("x", row: 0, col: -1), 0)
        XCTAssertEqual(buffer.lines, ["  abc", ""])
    }

    func testWideGraphemeTakesTwoCellsAndNeverStraddlesTheEdge() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 1, cols: 5))
        XCTAssertEqual(buffer.put("数据集", row: 0, col: 0), 5)
        XCTAssertEqual(buffer[0, 0].grapheme, "数")
        XCTAssertEqual(buffer[0, 0].width, 2)
        XCTAssertTrue(buffer[0, 1].isContinuation)
        XCTAssertEqual(buffer[0, 4].grapheme, " ")   // 集 would not fit: a space instead
        XCTAssertEqual(buffer.lines, ["数据"])
    }

    func testMaxWidthLimitsARegion() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 1, cols: 10))
        XCTAssertEqual(buffer.put("数据集", row: 0, col: 1, maxWidth: 3), 3)
        buffer.put("|", row: 0, col: 4)
        XCTAssertEqual(buffer.lines, [" 数 |"])
    }

    func testOverwritingHalfOfAWideGraphemeBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 1, cols: 6))
        buffer.put("数据", row: 0, col: 0)
        buffer.put("x", row: 0, col: 1)       // right half of 数
        XCTAssertEqual(buffer.lines, [" x据"])
        buffer.put("y", row: 0, col: 2)       // left half of 据
        XCTAssertEqual(buffer.lines, [" xy"])
        for col in 0..<6 { XCTAssertFalse(buffer[0, col].isContinuation && buffer[0, col - 1].width != 2) }
    }

    func testZeroWidthGraphemeStillGetsACell() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 1, cols: 4))
        buffer.put("\u{301}a", row: 0, col: 0)
        XCTAssertEqual(buffer.lines, ["?a"])
    }

    func testRestyleKeepsText() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 1, cols: 3))
        buffer.put("abc", row: 0, col: 0)
        buffer.restyle(row: 0, col: 1, width: 5) { $0.reverse = true }
        XCTAssertFalse(buffer[0, 0].style.reverse)
        XCTAssertTrue(buffer[0, 2].style.reverse)
        XCTAssertEqual(buffer.lines, ["abc"])
    }

    func testEmptyBufferIsFine() {
        var buffer = ScreenBuffer(size: TerminalSize(rows: 0, cols: 0))
        XCTAssertEqual(buffer.put("x", row: 0, col: 0), 0)
        XCTAssertEqual(buffer.lines, [])
    }
}
