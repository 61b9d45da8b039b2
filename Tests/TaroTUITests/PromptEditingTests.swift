import XCTest
@testable import TaroTUI

/// Line editing keys as they arrive through the reducer while a prompt is open.
final class PromptEditingTests: XCTestCase {
    private func prompt(_ text: String) -> ReducerHarness {
        var h = ReducerHarness()
        h.press(.char("a"))
        h.type(text)
        return h
    }

    private func text(_ h: ReducerHarness) -> String { h.state.prompt?.editor.text ?? "<closed>" }

    func testArrowsHomeEndAndInsertAtTheCursor() {
        var h = prompt("http://example.com")
        h.press(.home)
        h.press(.right, .right, .right, .right)
        h.type("s")
        XCTAssertEqual(text(h), "https://example.com")
        h.press(.end)
        h.type("/f")
        XCTAssertEqual(text(h), "https://example.com/f")
        h.press(.left, .left)
        h.type("x")
        XCTAssertEqual(text(h), "https://example.comx/f")
        h.press(.control("a"))
        XCTAssertEqual(h.state.prompt?.editor.cursor, 0)
        h.press(.control("e"))
        XCTAssertEqual(h.state.prompt?.editor.cursor, 22)
    }

    func testBackspaceAndDelete() {
        var h = prompt("abcd")
        h.press(.backspace)
        XCTAssertEqual(text(h), "abc")
        h.press(.home, .delete)
        XCTAssertEqual(text(h), "bc")
        h.press(.control("d"))
        XCTAssertEqual(text(h), "c")
    }

    func testCtrlUKillsToTheStartAndCtrlWThePreviousWord() {
        var h = prompt("https://a.example/x https://b.example/y")
        h.press(.control("w"))
        XCTAssertEqual(text(h), "https://a.example/x ")
        h.type("z")
        h.press(.left)
        h.press(.control("u"))
        XCTAssertEqual(text(h), "z")
        XCTAssertEqual(h.state.prompt?.editor.cursor, 0)
        h.press(.end)
        h.press(.control("k"))
        XCTAssertEqual(text(h), "z")
        h.press(.home)
        h.press(.control("k"))
        XCTAssertEqual(text(h), "")
    }

    func testPasteIsABurstOfCharactersThatSimplyInsert() {
        var h = prompt("")
        h.type("https://example.com/a?b=c&d=ü 数据")
        XCTAssertEqual(text(h), "https://example.com/a?b=c&d=ü 数据")
        XCTAssertEqual(h.commands, [])
    }

    func testControlAndBidiCharactersNeverEnterTheLine() {
        var h = prompt("")
        h.press(.char("a"), .char(Unicode.Scalar(0x202E)!), .char(Unicode.Scalar(0x9B)!), .char("b"))
        XCTAssertEqual(text(h), "ab")
    }

    func testKeysThatMeanSomethingElseOutsideAPromptAreText() {
        var h = prompt("")
        h.type("qxpd?+-")
        XCTAssertEqual(text(h), "qxpd?+-")
        XCTAssertFalse(h.quit)
        XCTAssertEqual(h.commands, [])
    }

    func testWhitespaceAroundTheURLIsTrimmed() {
        var h = prompt("  https://example.com/f  ")
        h.press(.enter)
        XCTAssertEqual(h.commands, [.queueDownload(url: "https://example.com/f", directory: "/tmp/x")])
    }

    func testMouseAndTabAreIgnoredInAPrompt() {
        var h = prompt("ab")
        h.press(.tab, .click(row: 3, col: 3), .wheelDown(row: 3, col: 3))
        XCTAssertEqual(text(h), "ab")
        XCTAssertEqual(h.state.selectedIndex, 0)
    }
}
