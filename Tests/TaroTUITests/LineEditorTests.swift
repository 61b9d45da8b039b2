import XCTest
@testable import TaroTUI

final class LineEditorTests: XCTestCase {
    func testInsertAtCursorAndMove() {
        var editor = LineEditor("hllo")
        editor.moveToStart()
        editor.moveRight()
        editor.insert("e")
        XCTAssertEqual(editor.text, "hello")
        XCTAssertEqual(editor.cursor, 2)
        editor.moveToEnd()
        editor.insert(" world")
        XCTAssertEqual(editor.text, "hello world")
        editor.moveLeft()
        editor.moveLeft()
        XCTAssertEqual(editor.cursor, 9)
    }

    func testMovesStopAtTheEnds() {
        var editor = LineEditor("ab")
        editor.moveRight()
        XCTAssertEqual(editor.cursor, 2)
        editor.moveToStart()
        editor.moveLeft()
        XCTAssertEqual(editor.cursor, 0)
    }

    func testBackspaceAndDelete() {
        var editor = LineEditor("abcd")
        editor.backspace()
        XCTAssertEqual(editor.text, "abc")
        editor.moveToStart()
        editor.backspace()
        XCTAssertEqual(editor.text, "abc")
        editor.deleteForward()
        XCTAssertEqual(editor.text, "bc")
        editor.moveToEnd()
        editor.deleteForward()
        XCTAssertEqual(editor.text, "bc")
    }

    func testKillToStartAndToEnd() {
        var editor = LineEditor("https://example.com/file")
        for _ in 0..<5 { editor.moveLeft() }
        editor.killToStart()
        XCTAssertEqual(editor.text, "/file")
        XCTAssertEqual(editor.cursor, 0)
        editor.moveRight()
        editor.killToEnd()
        XCTAssertEqual(editor.text, "/")
    }

    func testKillPreviousWordTakesTrailingSpacesAndOneWord() {
        var editor = LineEditor("one two  three   ")
        editor.killPreviousWord()
        XCTAssertEqual(editor.text, "one two  ")
        editor.killPreviousWord()
        XCTAssertEqual(editor.text, "one ")
        editor.killPreviousWord()
        XCTAssertEqual(editor.text, "")
        editor.killPreviousWord()
        XCTAssertEqual(editor.text, "")
    }

    func testCombiningMarkJoinsThePreviousCharacter() {
        var editor = LineEditor("e")
        editor.insert(Unicode.Scalar(0x301)!)
        XCTAssertEqual(editor.characters.count, 1)
        editor.backspace()
        XCTAssertEqual(editor.text, "")
    }

    func testWideCharactersAreSingleSteps() {
        var editor = LineEditor("数据")
        editor.moveLeft()
        editor.insert("-")
        XCTAssertEqual(editor.text, "数-据")
    }
}
