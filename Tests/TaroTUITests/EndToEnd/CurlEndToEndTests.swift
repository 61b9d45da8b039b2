import XCTest
import TaroServer

/// Curl both ways against the loopback server: the command `get
/// --print-curl` prints, run by the real curl through a real shell, fetches
/// the same bytes with the same headers; a browser's "Copy as cURL" pasted
/// into the `a` prompt downloads with its headers and cookies.
final class CurlEndToEndTests: EndToEndTestCase {
    private func headers(sentTo pathAndQuery: String) -> [HeaderField] {
        server.requestLog.last { $0.target == pathAndQuery }?.headers ?? []
    }

    private func value(_ name: String, in headers: [HeaderField]) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    func testPrintedCommandRunByCurlFetchesTheSameBytesWithTheSameHeaders() throws {
        let target = "/bytes/1500000?seed=61"
        let output = path("with space's.bin")
        let printed = try ProcessRunner.run(binary, ["get", "--print-curl", "--show-secrets", "-o", output,
                                                     "-H", "X-Quote: it's \"quoted\" $HOME",
                                                     "-H", "Cookie: sid=s3cret", "-u", "alice:pa ss",
                                                     "-A", "agent/1", server.url(target)])
        XCTAssertEqual(printed.status, 0, printed.error)
        XCTAssertTrue(server.requestLog.isEmpty, "printing runs nothing")
        let command = printed.output.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(command.hasPrefix("curl "), command)

        let ran = try ProcessRunner.run("/bin/sh", ["-c", command])
        XCTAssertEqual(ran.status, 0, ran.error)
        XCTAssertEqual(try sha256(of: output), DeterministicBody.sha256Hex(seed: 61, size: 1_500_000))
        let sent = headers(sentTo: target)
        XCTAssertEqual(value("X-Quote", in: sent), "it's \"quoted\" $HOME")
        XCTAssertEqual(value("Cookie", in: sent), "sid=s3cret")
        XCTAssertEqual(value("Authorization", in: sent), "Basic " + Data("alice:pa ss".utf8).base64EncodedString())
        XCTAssertEqual(value("User-Agent", in: sent), "agent/1")

        // Without --show-secrets the cookie's value never reaches the output.
        let masked = try ProcessRunner.run(binary, ["get", "--print-curl", "-H", "Cookie: sid=s3cret", "-b", "k=s3cret",
                                                    "-u", "alice:s3cret", server.url(target)])
        XCTAssertEqual(masked.status, 0, masked.error)
        XCTAssertFalse(masked.output.contains("s3cret"), masked.output)
        XCTAssertTrue(masked.output.contains("'Cookie: sid=***'") && masked.output.contains("-b 'k=***'")
                      && masked.output.contains("-u 'alice:***'"), masked.output)
        let misused = try ProcessRunner.run(binary, ["get", "--show-secrets", server.url(target)])
        XCTAssertEqual(misused.status, 2, misused.error)
        XCTAssertTrue(misused.error.contains("--show-secrets goes with --print-curl"), misused.error)
    }

    func testPrintedCommandContinuesAPartialFile() throws {
        let target = "/bytes/800000?seed=62"
        let output = path("resumed.bin")
        let body = DeterministicBody.sha256Hex(seed: 62, size: 800_000)
        // The first 300,000 bytes, as an interrupted `get -o` leaves them.
        let head = try ProcessRunner.run("/usr/bin/curl", ["-s", "-r", "0-299999", "-o", output + ".part", server.url(target)])
        XCTAssertEqual(head.status, 0, head.error)
        let printed = try ProcessRunner.run(binary, ["get", "--print-curl", "-o", output, server.url(target)])
        XCTAssertTrue(printed.output.contains("-C -"), printed.output)
        let ran = try ProcessRunner.run("/bin/sh", ["-c", printed.output])
        XCTAssertEqual(ran.status, 0, ran.error)
        XCTAssertEqual(try sha256(of: output), body)
        XCTAssertFalse(exists("resumed.bin.part"))
        XCTAssertEqual(value("Range", in: headers(sentTo: target)), "bytes=300000-")
    }

    func testPastedCopyAsCurlDownloadsWithItsHeadersAndCookies() throws {
        try launchDownloading([])
        try tmux.send("a")
        try waitForScreen("the URL prompt") { $0.lines.last?.contains("Download URL:") ?? false }
        // Slow enough that the message about the command is read while it runs.
        let target = "/bytes/4001?seed=63&rate=2000"
        let pasted = "curl '\(server.url(target))' \\\n  -H 'accept: application/octet-stream' \\\n"
            + "  -H 'x-from-browser: yes it'\\''s' \\\n  -b 'session=abc123; theme=dark' \\\n  --compressed\n"
        try tmux.paste(pasted, bracketed: true)
        try waitForScreen("the command on one line") { $0.lines.last?.contains("--compressed") ?? false }
        try tmux.send("Enter")
        let running = try waitForScreen("the row") { $0.row(named: "4001") != nil }
        XCTAssertTrue(running.contains("with 3 headers from the curl command"), running.description)
        try waitForState("done", of: "4001")
        XCTAssertEqual(try sha256(of: path("4001")), DeterministicBody.sha256Hex(seed: 63, size: 4001))
        let sent = headers(sentTo: target)
        XCTAssertEqual(value("x-from-browser", in: sent), "yes it's")
        XCTAssertEqual(value("accept", in: sent), "application/octet-stream")
        XCTAssertEqual(value("cookie", in: sent), "session=abc123; theme=dark")

        // C on that row gives back the headers it was sent with, the cookie masked.
        let copied = try copySelectedAsCurl()
        XCTAssertTrue(copied.contains("-H 'x-from-browser: yes it'\\''s'"), copied)
        XCTAssertTrue(copied.contains("-H 'Cookie: ***'"), copied)
        XCTAssertFalse(copied.contains("abc123"), copied)
    }
}

/// The `C` key through a real terminal: tmux receives the OSC 52 and keeps
/// the command as a paste buffer; that command, run by curl, fetches the
/// same bytes; and after quitting it is printed for the shell.
final class CurlExportKeyEndToEndTests: EndToEndTestCase {
    func testCCopiesARunnableCommandAndPrintsItAfterQuitting() throws {
        try startShell()
        let target = "/bytes/250000?seed=64"
        try runInShell(commandLine(["-d", downloads, server.url(target)]))
        try adoptProgram(startedBy: try tmux.panePID())
        try waitForState("done", of: "250000")
        let copied = try copySelectedAsCurl()
        XCTAssertTrue(copied.contains(server.url(target)), copied)

        // The command, run by curl, writes the same bytes to the same place.
        try FileManager.default.removeItem(atPath: path("250000"))
        let ran = try ProcessRunner.run("/bin/sh", ["-c", copied])
        XCTAssertEqual(ran.status, 0, ran.error)
        XCTAssertEqual(try sha256(of: path("250000")), DeterministicBody.sha256Hex(seed: 64, size: 250_000))

        try tmux.send("q")
        XCTAssertEqual(try waitForExitStatus(), "EXIT=0")
        let screen = try tmux.capture()
        XCTAssertTrue(screen.contains("Copied (C):"), screen.description)
        XCTAssertTrue(screen.lines.joined().contains(server.url(target)), screen.description)
    }
}

extension EndToEndTestCase {
    /// Presses C and reads the command back from the paste buffer tmux
    /// made of the OSC 52 it received.
    fileprivate func copySelectedAsCurl() throws -> String {
        try tmux.send("C")
        try waitForScreen("the copied command") { $0.contains("Copied: curl ") }
        var copied = ""
        try waitUntil("tmux to take the OSC 52 into a buffer") {
            let shown = try ProcessRunner.run(tmux.executable, ["-L", tmux.socket, "show-buffer"])
            copied = shown.output
            return shown.status == 0 && copied.hasPrefix("curl ")
        }
        return copied
    }
}
