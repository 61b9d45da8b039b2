import XCTest

/// `x` on a running download: the row says `aborted` and nothing is left in
/// the download directory, neither the final name nor the `.part`.
final class AbortEndToEndTests: EndToEndTestCase {
    func testXAbortsASlowDownloadAndLeavesNoFile() throws {
        let name = "50000000"
        try launchDownloading([server.url("/bytes/50000000?rate=200000")])
        try waitForScreen("bytes arriving") { screen in
            screen.state(of: name) == "active" && !(screen.sizeText(of: name)?.hasPrefix("0 B/") ?? true)
        }
        XCTAssertTrue(try tmux.capture().isSelected(name), "the only row is selected")
        XCTAssertEqual(downloadedNames(), [name + ".part"], "a running download writes to NAME.part")

        try tmux.send("x")
        let screen = try waitForState("aborted", of: name)
        XCTAssertFalse(screen.row(named: name)?.contains("/s") ?? true, "no speed once aborted: \(screen)")
        try waitUntil("the download directory to be empty") { downloadedNames().isEmpty }
        XCTAssertFalse(exists(name))
        XCTAssertFalse(exists(name + ".part"))
        // It stays aborted: nothing restarts it behind the user's back.
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(try tmux.capture().state(of: name), "aborted")
        XCTAssertTrue(downloadedNames().isEmpty)
    }
}
