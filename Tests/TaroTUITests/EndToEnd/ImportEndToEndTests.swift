import XCTest
import Foundation
import TaroServer

/// `taro-tui -i LIST` and `-i -`: every URL of the list is queued while the
/// screen is live, the last message counts them; from a pipe, keys still
/// come from the terminal; stdin that is the terminal, or a list that
/// cannot be read, is refused before any screen.
final class ImportEndToEndTests: EndToEndTestCase {
    private func writeList(_ lines: [String]) throws -> String {
        let list = scratch + "/list.txt"
        try (lines.joined(separator: "\n") + "\n").write(toFile: list, atomically: true, encoding: .utf8)
        return list
    }

    func testAListFileIsQueuedAndEveryFileArrives() throws {
        let list = try writeList([
            "# three files", server.url("/bytes/1001?seed=1"), "not-a-url", "",
            server.url("/bytes/1002?seed=2"), server.url("/bytes/1003?seed=3"),
        ])
        try launch(["-d", downloads, "-i", list])
        let screen = try waitForScreen("three done rows and the summary") { screen in
            ["1001", "1002", "1003"].allSatisfy { screen.state(of: $0) == "done" }
                && screen.contains("Imported 3 URLs from")
        }
        XCTAssertTrue(screen.contains("Skipped 1 line that is not an http(s) URL (first: line 3)."), screen.description)
        XCTAssertEqual(downloadedNames(), ["1001", "1002", "1003"])
        XCTAssertEqual(try sha256(of: path("1002")), DeterministicBody.sha256Hex(seed: 2, size: 1002))
    }

    func testAListFromAPipeIsQueuedAndKeysComeFromTheTerminal() throws {
        try startShell()
        let urls = [server.url("/bytes/2001?seed=4"), server.url("/bytes/2002?seed=5")]
        try runInShell("printf '%s\\n' " + urls.map(ProcessRunner.shellQuoted).joined(separator: " ") + " | "
                       + commandLine(["-d", downloads, "-i", "-"]))
        try adoptProgram(startedBy: try tmux.panePID())
        try waitForScreen("both done and the summary") { screen in
            screen.state(of: "2001") == "done" && screen.state(of: "2002") == "done"
                && screen.contains("Imported 2 URLs from stdin.")
        }
        // Everything finished: q quits at once, read from /dev/tty.
        try tmux.send("q")
        XCTAssertEqual(try waitForExitStatus(), "EXIT=0")
        XCTAssertEqual(downloadedNames(), ["2001", "2002"])
    }

    func testStdinThatIsTheTerminalIsRefused() throws {
        try startShell()
        try runInShell(commandLine(["-d", downloads, "-i", "-"]))
        XCTAssertEqual(try waitForExitStatus(), "EXIT=2")
        let screen = try tmux.capture()
        XCTAssertTrue(screen.text.replacingOccurrences(of: "\n", with: "")
                        .contains("taro-tui: -i - reads the URL list from stdin, but stdin is this terminal"),
                      screen.description)
    }

    func testAListThatCannotBeReadIsRefusedBeforeTheScreen() throws {
        try startShell()
        try runInShell(commandLine(["-d", downloads, "-i", scratch + "/missing.txt"]))
        XCTAssertEqual(try waitForExitStatus(), "EXIT=2")
        let screen = try tmux.capture()
        XCTAssertTrue(screen.contains("cannot read URL list " + scratch + "/missing.txt: No such file or directory"),
                      screen.description)
        XCTAssertFalse(screen.contains("q quit"))
    }
}
