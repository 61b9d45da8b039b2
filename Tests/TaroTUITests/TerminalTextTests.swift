import XCTest
@testable import TaroTUI

final class TerminalTextTests: XCTestCase {
    func testPlainTextIsUnchanged() {
        XCTAssertEqual(TerminalText.sanitize("Content-Type: text/html"), "Content-Type: text/html")
        XCTAssertEqual(TerminalText.sanitize("数据集-データ.bin"), "数据集-データ.bin")
        XCTAssertEqual(TerminalText.sanitize("café e\u{301}"), "café e\u{301}")
    }

    func testC0ControlsAreEscapedWithShortNames() {
        XCTAssertEqual(TerminalText.sanitize("a\u{1b}[2Jb"), "a\\e[2Jb")
        XCTAssertEqual(TerminalText.sanitize("x\ry\u{8}z\tw\nv"), "x\\ry\\bz\\tw\\nv")
        XCTAssertEqual(TerminalText.sanitize("bell\u{07}nul\u{0}del\u{7f}"), "bell\\x07nul\\x00del\\x7f")
    }

    func testOSCTitleAndClipboardSequencesAreDefused() {
        XCTAssertEqual(TerminalText.sanitize("\u{1b}]52;c;AAAA\u{07}"), "\\e]52;c;AAAA\\x07")
        XCTAssertEqual(TerminalText.sanitize("\u{1b}]0;pwned\u{1b}\\"), "\\e]0;pwned\\e\\")
    }

    func testC1ControlsAreEscaped() {
        XCTAssertEqual(TerminalText.sanitize("a\u{9b}2Jb\u{85}"), "a\\u{9b}2Jb\\u{85}")
    }

    func testBidiAndInvisibleFormatCharactersAreEscaped() {
        XCTAssertEqual(TerminalText.sanitize("evil\u{202e}fdp.exe"), "evil\\u{202e}fdp.exe")
        XCTAssertEqual(TerminalText.sanitize("\u{2066}a\u{2069}\u{200e}\u{200f}\u{61c}"),
                       "\\u{2066}a\\u{2069}\\u{200e}\\u{200f}\\u{61c}")
        XCTAssertEqual(TerminalText.sanitize("zero\u{200b}width\u{feff}"), "zero\\u{200b}width\\u{feff}")
        XCTAssertEqual(TerminalText.sanitize("line\u{2028}break"), "line\\u{2028}break")
    }

    func testEmojiJoinersAreKept() {
        let family = "👩\u{200d}👩\u{200d}👧"
        XCTAssertEqual(TerminalText.sanitize(family), family)
    }

    func testReplacementCharacterIsShownAsAnEscape() {
        XCTAssertEqual(TerminalText.sanitize("bad\u{fffd}byte"), "bad\\u{fffd}byte")
    }

    func testInvalidUTF8BytesAreShownAsHex() {
        XCTAssertEqual(TerminalText.sanitize(bytes: [0x66, 0xFF, 0xC3, 0x28, 0x6F]), "f\\xff\\xc3(o")
        XCTAssertEqual(TerminalText.sanitize(bytes: [0xC0, 0xAF]), "\\xc0\\xaf")            // overlong "/"
        XCTAssertEqual(TerminalText.sanitize(bytes: [0xED, 0xA0, 0x80]), "\\xed\\xa0\\x80")   // a surrogate
        XCTAssertEqual(TerminalText.sanitize(bytes: [0xE6, 0x95]), "\\xe6\\x95")            // cut short
        XCTAssertEqual(TerminalText.sanitize(bytes: Array("数据\u{1b}".utf8)), "数据\\e")
        XCTAssertEqual(TerminalText.sanitize(bytes: [0xC2, 0x9B]), "\\u{9b}")               // C1 as UTF-8
    }

    func testASCIIOnlyEscapesEverythingOutsideASCII() {
        XCTAssertEqual(TerminalText.sanitize("数a", asciiOnly: true), "\\u{6570}a")
        XCTAssertEqual(TerminalText.sanitize("é", asciiOnly: true), "\\u{e9}")
    }

    func testLoneCombiningMarkDoesNotLeanOnASpace() {
        XCTAssertEqual(TerminalText.sanitize("\u{301}x"), "\\u{301}x")
        XCTAssertEqual(TerminalText.sanitize("a \u{301}"), "a \\u{301}")
    }

    func testLongInputIsCutAtTheLimit() {
        let long = String(repeating: "\u{1b}", count: 10_000)
        XCTAssertEqual(TerminalText.sanitize(long, limit: 3), "\\e\\e\\e")
        XCTAssertEqual(TerminalText.sanitize(String(repeating: "a", count: 100), limit: 10).count, 10)
    }

    func testEveryScalarTheSanitizerLetsThroughIsSafe() {
        // Sweep the BMP: nothing that survives sanitizing is a control or bidi character.
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let output = TerminalText.sanitize("a" + String(Character(scalar)))
            for out in output.unicodeScalars {
                XCTAssertFalse(out.value < 0x20 || out.value == 0x7F || (0x80...0x9F).contains(out.value),
                               "U+\(String(value, radix: 16))")
                XCTAssertFalse(out.properties.generalCategory == .format && out.value != 0x200C && out.value != 0x200D,
                               "U+\(String(value, radix: 16))")
            }
        }
    }
}
