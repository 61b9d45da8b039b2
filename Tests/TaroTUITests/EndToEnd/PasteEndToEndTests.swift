import XCTest
import Foundation

/// Pasting URLs into the `a` prompt through a real terminal: with
/// bracketed paste (which the program turns on) and without it, several
/// lines queue one download each and nothing is accepted halfway; at exit
/// bracketed paste is off again for the shell.
final class PasteEndToEndTests: EndToEndTestCase {
    private func pasteTwoURLs(bracketed: Bool) throws {
        try launchDownloading([])
        try tmux.send("a")
        try waitForScreen("the URL prompt") { $0.lines.last?.contains("Download URL:") ?? false }
        // Slow enough to be read while they run: once the queue empties, the
        // message line says "All done" instead.
        let text = server.url("/bytes/3001?seed=1&rate=1500") + "\n" + server.url("/bytes/3002?seed=2&rate=1500") + "\n"
        try tmux.paste(text, bracketed: bracketed)
        let queued = try waitForScreen("both pasted URLs listed") { $0.row(named: "3001") != nil && $0.row(named: "3002") != nil }
        XCTAssertTrue(queued.contains("Queued 2 downloads from the paste."), queued.description)
        let screen = try waitForScreen("both pasted URLs done") { screen in
            screen.state(of: "3001") == "done" && screen.state(of: "3002") == "done"
        }
        XCTAssertTrue(screen.contains("All done: 2 done"), screen.description)
        XCTAssertEqual(downloadedNames(), ["3001", "3002"])
    }

    func testABracketedPasteOfTwoLinesQueuesBoth() throws {
        try pasteTwoURLs(bracketed: true)
    }

    func testAPasteWithoutBracketsIsNotAcceptedHalfway() throws {
        try pasteTwoURLs(bracketed: false)
    }

    /// Only bracketed paste can tell a pasted line break from Enter: one
    /// pasted line is inserted for editing, not accepted.
    func testABracketedPasteOfOneLineWaitsForEnter() throws {
        try launchDownloading([])
        try tmux.send("a")
        try waitForScreen("the URL prompt") { $0.lines.last?.contains("Download URL:") ?? false }
        let url = server.url("/bytes/3003?seed=3")
        try tmux.paste(url + "\n", bracketed: true)
        try waitForScreen("the pasted URL in the prompt") { $0.lines.last?.hasSuffix(url) ?? false }
        XCTAssertNil(try tmux.capture().row(named: "3003"))
        try tmux.send("Enter")
        try waitForState("done", of: "3003")
    }

    func testBracketedPasteIsOffAgainForTheShell() throws {
        try startShell()
        try runInShell(commandLine(["-d", downloads]))
        try adoptProgram(startedBy: try tmux.panePID())
        try waitForFirstFrame()
        try tmux.send("q")
        XCTAssertEqual(try waitForExitStatus(), "EXIT=0")
        // With the mode still on, tmux would wrap this in ESC[200~ … and the
        // shell would echo the markers.
        try tmux.paste("echo pasted-$((40+2))", bracketed: true)
        try tmux.send("Enter")
        let screen = try waitForScreen("the shell to run the paste") { $0.lines.contains("pasted-42") }
        XCTAssertFalse(screen.contains("200~"), screen.description)
    }
}
