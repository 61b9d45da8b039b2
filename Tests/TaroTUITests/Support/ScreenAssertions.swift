import XCTest
import TaroTUI

/// Compares a rendered screen with an expected multi-line snapshot and, on a
/// mismatch, prints the actual screen so the difference is easy to read.
func assertScreen(_ buffer: ScreenBuffer, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let actual = buffer.lines
    var wanted = expected.components(separatedBy: "\n")
    while wanted.count < actual.count { wanted.append("") }
    if actual != wanted {
        let numbered = actual.enumerated().map { "\($0.offset < 10 ? " " : "")\($0.offset)|\($0.element)" }
        XCTFail("screen differs:\n" + numbered.joined(separator: "\n") + "\n--- actual, pasteable:\n"
                + buffer.text, file: file, line: line)
    }
}

/// No cell may hold a control character, a bidi control or other invisible
/// format character, and no cell may extend past the right edge.
func assertTerminalSafe(_ buffer: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
    for row in 0..<buffer.size.rows {
        for col in 0..<buffer.size.cols {
            let cell = buffer[row, col]
            for scalar in cell.grapheme.unicodeScalars where isUnsafe(scalar) {
                XCTFail("unsafe U+\(String(scalar.value, radix: 16)) at \(row),\(col)", file: file, line: line)
            }
            if cell.width == 2 {
                XCTAssertLessThan(col + 1, buffer.size.cols, "wide cell at the edge", file: file, line: line)
                if col + 1 < buffer.size.cols {
                    XCTAssertTrue(buffer[row, col + 1].isContinuation, file: file, line: line)
                }
            }
            if cell.isContinuation {
                XCTAssertTrue(col > 0 && buffer[row, col - 1].width == 2, "orphan continuation", file: file, line: line)
            }
        }
    }
}

private func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
    if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C {
        return true
    }
    return false
}
