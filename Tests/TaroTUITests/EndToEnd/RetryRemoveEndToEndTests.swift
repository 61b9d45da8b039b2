import XCTest
import TaroServer

/// `r` brings an aborted download back to a complete file; `d` takes a
/// finished row off the list and leaves its file alone.
final class RetryRemoveEndToEndTests: EndToEndTestCase {
    func testRRetriesAnAbortedDownloadToDone() throws {
        let name = "3000000"
        try launchDownloading([server.url("/bytes/3000000?seed=13&rate=1000000")])
        try waitForState("active", of: name)
        try tmux.send("x")
        try waitForState("aborted", of: name)

        try tmux.send("r")
        try waitForScreen("the retry to start") { $0.state(of: name) != "aborted" }
        let screen = try waitForState("done", of: name)
        XCTAssertTrue(screen.totalsLine?.contains("1 done") ?? false, screen.description)
        XCTAssertEqual(downloadedNames(), [name])
        XCTAssertEqual(try sha256(of: path(name)), DeterministicBody.sha256Hex(seed: 13, size: 3_000_000))
    }

    func testDRemovesAFinishedRowAndKeepsItsFile() throws {
        let kept = "200000"
        let other = "100000"
        try launchDownloading([server.url("/bytes/200000?seed=17"), server.url("/bytes/100000?seed=18")])
        try waitForScreen("both done") { $0.state(of: kept) == "done" && $0.state(of: other) == "done" }
        XCTAssertTrue(try tmux.capture().isSelected(kept))

        try tmux.send("d")
        // The whole frame, message line included: a capture can land while
        // curses is still writing the rows that moved up.
        let screen = try waitForScreen("the row to go") {
            $0.row(named: kept) == nil && $0.contains("the file stays") && $0.state(of: other) == "done"
        }
        XCTAssertEqual(screen.state(of: other), "done", "the other row stays: \(screen)")
        XCTAssertTrue(screen.isSelected(other), "the selection moves to a remaining row: \(screen)")
        XCTAssertTrue(screen.contains("the file stays"), screen.description)
        XCTAssertEqual(downloadedNames(), [other, kept].sorted())
        XCTAssertEqual(try sha256(of: path(kept)), DeterministicBody.sha256Hex(seed: 17, size: 200_000))
    }
}
