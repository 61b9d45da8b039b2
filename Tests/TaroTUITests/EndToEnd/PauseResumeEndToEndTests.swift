import XCTest
import TaroServer

/// `p` pauses a running download (no more bytes arrive) and `p` again
/// resumes it to a complete, correct file.
final class PauseResumeEndToEndTests: EndToEndTestCase {
    func testPauseStopsTheBytesAndResumeFinishesWithTheRightFile() throws {
        let name = "6000000"
        try launchDownloading([server.url("/bytes/6000000?seed=11&rate=1500000")])
        try waitForScreen("bytes arriving") { screen in
            screen.state(of: name) == "active" && !(screen.sizeText(of: name)?.hasPrefix("0 B/") ?? true)
        }

        try tmux.send("p")
        try waitForState("paused", of: name)
        // Let anything already in flight land, then watch the count stand
        // still: at 1.5 MB/s a running transfer would move it by ~1.4 MiB.
        Thread.sleep(forTimeInterval: 0.3)
        let before = try tmux.capture()
        let pausedAt = before.sizeText(of: name)
        XCTAssertNotNil(pausedAt, before.description)
        Thread.sleep(forTimeInterval: 1.0)
        let after = try tmux.capture()
        XCTAssertEqual(after.state(of: name), "paused", after.description)
        XCTAssertEqual(after.sizeText(of: name), pausedAt, "bytes grew while paused")
        XCTAssertFalse(after.row(named: name)?.contains("/s ") ?? true, "no speed while paused: \(after)")
        XCTAssertTrue(after.totalsLine?.contains("1 paused") ?? false, after.description)

        try tmux.send("p")
        try waitForState("done", of: name)
        XCTAssertEqual(downloadedNames(), [name])
        XCTAssertEqual(try sha256(of: path(name)), DeterministicBody.sha256Hex(seed: 11, size: 6_000_000))
    }
}
