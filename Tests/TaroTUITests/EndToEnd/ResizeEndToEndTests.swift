import XCTest
import TaroServer

/// Resizing the terminal while a transfer runs: the program survives, every
/// frame fits the new size, and the download still completes intact.
final class ResizeEndToEndTests: EndToEndTestCase {
    func testResizeWhileTransferringRedrawsAtEachSize() throws {
        let name = "4000000"
        try launchDownloading([server.url("/bytes/4000000?seed=5&rate=1000000")])
        try waitForState("active", of: name)

        try tmux.resize(cols: 40, rows: 10)
        let small = try waitForScreen("a 40x10 frame") { screen in
            screen.lines.count == 10 && screen.lines[9].contains("q quit") && screen.state(of: name) == "active"
        }
        XCTAssertLessThanOrEqual(small.maximumWidth, 40, small.description)
        XCTAssertTrue(small.lines[0].hasPrefix("   NAME"), small.description)
        XCTAssertTrue(small.lines[8].hasPrefix(" 1 active"), small.description)
        XCTAssertFalse(small.lines[9].contains("+/- limit"), "hints fitted to 40 columns: \(small)")

        // A burst of sizes with no pause between them, as a window being dragged.
        for (cols, rows) in [(300, 100), (41, 11), (80, 24), (40, 10), (200, 50)] {
            try tmux.resize(cols: cols, rows: rows)
        }
        try tmux.resize(cols: 120, rows: 40)
        let large = try waitForScreen("a 120x40 frame") { screen in
            screen.lines.count == 40 && screen.lines[39].contains("+/- limit")
        }
        XCTAssertLessThanOrEqual(large.maximumWidth, 120, large.description)
        XCTAssertTrue(large.lines[0].hasPrefix("   NAME"), large.description)
        XCTAssertTrue(large.lines[0].hasSuffix("STATE"), "the wide heading: \(large)")
        // The totals, then (where the width allows) the queue's sparkline.
        XCTAssertTrue(large.totalsLine?.contains("· limit 4") ?? false, large.description)
        XCTAssertEqual(large.lines.filter { $0.contains("q quit") }.count, 1, "no stale footer left: \(large)")

        try waitForState("done", of: name)
        XCTAssertNil(try tmux.deadStatus(), "still running")
        XCTAssertEqual(try sha256(of: path(name)), DeterministicBody.sha256Hex(seed: 5, size: 4_000_000))
    }
}
