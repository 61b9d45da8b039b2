import XCTest

/// `taro-tui --demo` as a newcomer runs it: the built-in server, the
/// showcase queue, rows finishing and the 404 failing, at the common size
/// and at the smallest supported one.
final class DemoEndToEndTests: EndToEndTestCase {
    static let names = ["ubuntu-24.04-desktop-amd64.iso", "slow-mirror.tar.gz", "live-stream.ts", "8388608",
                        "quarterly report.pdf", "missing.bin", "hostile-header.bin", "holiday-photos.tar"]

    func testDemoAt120x40ShowsRowsFinishingAndTheNotFoundFailing() throws {
        // -j 8 starts the whole showcase at once, so the 404 does not wait
        // for a slot behind the slow rows.
        try launch(["--demo", "-j", "8"])
        // The upload finishes first, then the end of the redirect chain
        // (named after its final URL); the 404 fails at once.
        let screen = try waitForScreen("the 404 failed, the upload and the redirected download done") { screen in
            screen.state(of: "missing.bin") == "failed" && screen.state(of: "holiday-photos.tar") == "done"
                && screen.state(of: "8388608") == "done"
        }
        for name in Self.names {
            XCTAssertNotNil(screen.row(named: name), "\(name) listed: \(screen)")
        }
        XCTAssertEqual(screen.state(of: "ubuntu-24.04-desktop-amd64.iso"), "active", screen.description)
        XCTAssertTrue(screen.row(named: "live-stream.ts")?.contains("?%") ?? false, "unknown length: \(screen)")
        XCTAssertTrue(screen.row(named: "missing.bin")?.contains("404") ?? false, screen.description)
        XCTAssertTrue(screen.totalsLine?.contains("1 failed") ?? false, screen.description)
        XCTAssertLessThanOrEqual(screen.maximumWidth, 120)
        assertWellFormed(screen, cols: 120, rows: 40)
    }

    func testDemoAt40x10RendersWithoutGarbage() throws {
        try launch(["--demo", "-j", "8"], cols: 40, rows: 10)
        // Check every frame seen over a few seconds of live updates.
        var frames = 0
        let screen = try waitForScreen("a row done at 40x10") { screen in
            assertWellFormed(screen, cols: 40, rows: 10)
            frames += 1
            return screen.lines.contains { $0.hasSuffix(" done") }
        }
        XCTAssertGreaterThan(frames, 1)
        XCTAssertTrue(screen.lines[0].hasPrefix("   NAME"), screen.description)
    }

    /// Heading, one row per line that ends in a state word, the totals and
    /// the hints; nothing wider than the window, no raw control characters
    /// and no replacement characters.
    private func assertWellFormed(_ screen: TerminalScreen, cols: Int, rows: Int,
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(screen.lines.count, rows, screen.description, file: file, line: line)
        XCTAssertLessThanOrEqual(screen.maximumWidth, cols, screen.description, file: file, line: line)
        guard screen.lines.count == rows else { return }
        XCTAssertTrue(screen.lines[0].hasPrefix("   NAME") && screen.lines[0].hasSuffix("STATE"),
                      screen.description, file: file, line: line)
        XCTAssertTrue(screen.lines[rows - 1].contains("q quit"), screen.description, file: file, line: line)
        XCTAssertNotNil(screen.lines[rows - 2].range(of: #"^ \d+ active"#, options: .regularExpression),
                        screen.description, file: file, line: line)
        for text in screen.lines[1..<(rows - 2)] where !text.isEmpty {
            let isRow = text.range(of: #"^[ >][↓↑] \S"#, options: .regularExpression) != nil
            let state = text.split(separator: " ").last.map(String.init) ?? ""
            XCTAssertTrue(isRow && TerminalScreen.stateWords.contains(state),
                          "not a transfer row: \(text)\n\(screen)", file: file, line: line)
        }
        for scalar in screen.text.unicodeScalars {
            let v = scalar.value
            let control = (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v)
            XCTAssertFalse(control || v == 0xFFFD, "U+\(String(v, radix: 16)) on screen\n\(screen)",
                           file: file, line: line)
        }
    }
}
