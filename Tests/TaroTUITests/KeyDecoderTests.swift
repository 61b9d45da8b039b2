import XCTest
@testable import TaroTUI

final class KeyDecoderTests: XCTestCase {
    func testCharacters() {
        XCTAssertEqual(KeyDecoder.character(UInt32(("q" as Unicode.Scalar).value)), .char("q"))
        XCTAssertEqual(KeyDecoder.character(0x6570), .char("数"))
        XCTAssertEqual(KeyDecoder.character(13), .enter)
        XCTAssertEqual(KeyDecoder.character(10), .enter)
        XCTAssertEqual(KeyDecoder.character(9), .tab)
        XCTAssertEqual(KeyDecoder.character(27), .escape)
        XCTAssertEqual(KeyDecoder.character(127), .backspace)
        XCTAssertEqual(KeyDecoder.character(8), .backspace)
        XCTAssertEqual(KeyDecoder.character(21), .control("u"))
        XCTAssertEqual(KeyDecoder.character(23), .control("w"))
        XCTAssertEqual(KeyDecoder.character(12), .control("l"))
        XCTAssertNil(KeyDecoder.character(0))
        XCTAssertNil(KeyDecoder.character(0x9B))
        XCTAssertNil(KeyDecoder.character(0xD800))
    }

    /// Codes as curses.h defines them (octal), so a change there would show.
    func testFunctionKeys() {
        XCTAssertEqual(KeyDecoder.functionKey(0o403), .up)
        XCTAssertEqual(KeyDecoder.functionKey(0o402), .down)
        XCTAssertEqual(KeyDecoder.functionKey(0o404), .left)
        XCTAssertEqual(KeyDecoder.functionKey(0o405), .right)
        XCTAssertEqual(KeyDecoder.functionKey(0o523), .pageUp)
        XCTAssertEqual(KeyDecoder.functionKey(0o522), .pageDown)
        XCTAssertEqual(KeyDecoder.functionKey(0o406), .home)
        XCTAssertEqual(KeyDecoder.functionKey(0o550), .end)
        XCTAssertEqual(KeyDecoder.functionKey(0o407), .backspace)
        XCTAssertEqual(KeyDecoder.functionKey(0o512), .delete)
        XCTAssertEqual(KeyDecoder.functionKey(0o527), .enter)
        XCTAssertEqual(KeyDecoder.functionKey(0o541), .backTab)
        XCTAssertEqual(KeyDecoder.functionKey(0o410 + 1), .function(1))
        XCTAssertNil(KeyDecoder.functionKey(0o410 + 40))
    }
}
