import XCTest
@testable import TaroTUI

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumn() {
        XCTAssertEqual(DisplayWidth.of("hello"), 5)
    }

    func testEastAsianWideAndFullwidthAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("数据集-データ.bin"), 17)
        XCTAssertEqual(DisplayWidth.of(Character("Ａ")), 2)     // fullwidth A
        XCTAssertEqual(DisplayWidth.of(Character("한")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("　")), 2)     // ideographic space
        XCTAssertEqual(DisplayWidth.of(Character("😀")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("𠀀")), 2)     // CJK extension B
    }

    func testCombiningAndFormatCharactersTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x301)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x200D)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x1160)!), 0)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("é"), 1)
    }

    func testAmbiguousAndNarrowSymbolsAreOneColumn() {
        for glyph in ["↓", "↑", "…", "█", "░", "▓", "─", "·", "⏎", "ä", "Ж"] {
            XCTAssertEqual(DisplayWidth.of(glyph), 1, glyph)
        }
    }

    func testWideTableIsSortedAndDisjoint() {
        let ranges = DisplayWidth.wideRanges
        for (a, b) in zip(ranges, ranges.dropFirst()) {
            XCTAssertLessThan(a.upperBound, b.lowerBound)
        }
    }
}
