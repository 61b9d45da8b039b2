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
        // Let what was already received reach the file (the disk thread
        // may be slow on a busy machine): the count must stand still over
        // half a second within ten. A transfer still running at 1.5 MB/s
        // moves it by ~700 KiB in any such half second, so never settles.
        var before = try tmux.capture()
        var pausedAt = before.sizeText(of: name)
        let settleBy = Date().addingTimeInterval(10)
        while Date() < settleBy {
            Thread.sleep(forTimeInterval: 0.5)
            let again = try tmux.capture()
            if again.sizeText(of: name) == pausedAt { break }
            before = again
            pausedAt = again.sizeText(of: name)
        }
        XCTAssertNotNil(pausedAt, before.description)
        // Then watch it stand still: a running transfer would move it by ~1.4 MiB.
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
