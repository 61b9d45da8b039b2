import XCTest
import TaroServer

/// `a`, a URL, Enter: the download is queued into the -d directory, runs,
/// and the file on disk is exactly what the server sent.
final class TypedDownloadEndToEndTests: EndToEndTestCase {
    func testTypedURLDownloadsToDoneWithMatchingSHA256() throws {
        try launchDownloading([])
        XCTAssertTrue(try tmux.capture().contains("No transfers yet"))

        try tmux.send("a")
        try waitForScreen("the URL prompt") { $0.lines.last?.contains("URL") ?? false }
        try tmux.type(server.url("/bytes/3000000?seed=7&rate=3000000"))
        try tmux.send("Enter")

        let name = "3000000"
        try waitForScreen("the queued row") { $0.row(named: name) != nil }
        let screen = try waitForState("done", of: name)
        XCTAssertTrue(screen.row(named: name)?.contains("100%") ?? false, screen.description)
        XCTAssertEqual(downloadedNames(), [name], "only the final file, no .part left")
        XCTAssertEqual(try sha256(of: path(name)), DeterministicBody.sha256Hex(seed: 7, size: 3_000_000))
    }
}
