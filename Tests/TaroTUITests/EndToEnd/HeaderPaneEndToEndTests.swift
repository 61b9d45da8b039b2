import XCTest

/// Enter opens the header pane of the selected transfer: the server's
/// response headers are on screen, and a hostile one is shown escaped
/// instead of acting on the terminal.
final class HeaderPaneEndToEndTests: EndToEndTestCase {
    func testEnterShowsTheServersResponseHeaders() throws {
        let name = "4096"
        try launchDownloading([server.url("/bytes/4096?seed=3&h=X-Taro-Test:%20hello")])
        try waitForState("done", of: name)
        XCTAssertFalse(try tmux.capture().contains("X-Taro-Test"), "no pane before Enter")

        try tmux.send("Enter")
        let screen = try waitForScreen("the response headers") { $0.contains("X-Taro-Test: hello") }
        XCTAssertTrue(screen.contains("Headers: \(name)"), screen.description)
        XCTAssertTrue(screen.lines.contains { $0.hasPrefix("HTTP/1.1 200") }, screen.description)
        XCTAssertTrue(screen.contains("Content-Length: 4096"), screen.description)
        XCTAssertTrue(screen.contains("GET /bytes/4096?seed=3"), "the request line: \(screen)")

        // Longer than the pane: Tab focuses it, End scrolls to the timings.
        try tmux.send("Tab")
        try tmux.send("End")
        let end = try waitForScreen("the timings at the end of the pane") { $0.contains("Timings") }
        XCTAssertNotNil(end.row(named: name), "the list stays above the pane: \(end)")
        XCTAssertTrue(end.contains("Effective URL"), end.description)

        try tmux.send("Enter")
        try waitForScreen("the pane to close") { !$0.contains("X-Taro-Test") }
    }

    func testHostileHeaderIsShownEscapedAndDoesNotReachTheTerminal() throws {
        let name = "4096"
        // ESC[2J (clear screen), OSC 52 (set the clipboard to "AAA"), BEL.
        try launchDownloading([server.url("/bytes/4096?seed=3&h=X-Evil:%20%1B%5B2J%1B%5D52%3Bc%3BQUFB%07")])
        try waitForState("done", of: name)

        try tmux.send("Enter")
        let screen = try waitForScreen("the escaped header") { $0.contains("X-Evil: \\e[2J\\e]52;c;QUFB") }
        // Cleared by a raw ESC[2J, the screen would have lost the list above
        // the pane (only changed cells are redrawn).
        XCTAssertTrue(screen.lines.first?.hasPrefix("   NAME") ?? false, screen.description)
        XCTAssertEqual(screen.state(of: name), "done", screen.description)
        XCTAssertTrue(screen.totalsLine?.contains("1 done") ?? false, screen.description)
        XCTAssertTrue(screen.lines.last?.contains("q quit") ?? false, screen.description)
        XCTAssertEqual(try tmux.bufferNames(), [], "an OSC 52 reached tmux and set its clipboard")
        XCTAssertEqual(try tmux.display("#{pane_title}").contains("QUFB"), false)
    }
}
