import XCTest
import Foundation
import TaroServer

/// The real program with `--rpc`, driven from outside as a user would: by
/// aria2p (a client nobody here wrote), by `curl` posting raw JSON, and by
/// taro-tui's own command line; every effect is read off the screen.
final class RemoteControlEndToEndTests: EndToEndTestCase {
    static let secret = "e2e-secret"
    private var stateDirectory: String { scratch + "/state/taro-tui" }
    private var port = 0

    /// Launches with remote control on a port the kernel picks, and reads
    /// the port back from the endpoint file; the footer must show it.
    private func launchWithRPC() throws {
        try launch(["-d", downloads, "--rpc", "--rpc-port", "0", "--rpc-secret", Self.secret])
        try waitUntil("rpc.json in the state directory") {
            guard let data = FileManager.default.contents(atPath: stateDirectory + "/rpc.json"),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let port = object["port"] as? Int else { return false }
            self.port = port
            return true
        }
        var mode = stat()
        XCTAssertEqual(stat(stateDirectory + "/rpc.json", &mode), 0)
        XCTAssertEqual(mode.st_mode & 0o777, 0o600)
        try waitForScreen("the footer saying RPC is on") { $0.contains("RPC :\(port)") }
    }

    private func aria2p(_ arguments: [String]) throws -> ProcessRunner.Result {
        // pip puts it in ~/.local/bin when make test does not run as root.
        let userInstall = NSHomeDirectory() + "/.local/bin/aria2p"
        guard let tool = ProcessRunner.find("aria2p")
                ?? (FileManager.default.isExecutableFile(atPath: userInstall) ? userInstall : nil) else {
            throw EndToEndFailure("aria2p is not installed (make test installs it with pip)")
        }
        return try ProcessRunner.run(tool, ["--host", "http://127.0.0.1", "--port", String(port),
                                            "--secret", Self.secret] + arguments)
    }

    private func curl(_ body: String, extra: [String] = []) throws -> (status: Int, body: String) {
        let tool = ProcessRunner.find("curl") ?? "/usr/bin/curl"
        let result = try ProcessRunner.run(tool, ["-s", "-w", "\n%{http_code}", "-X", "POST",
                                                  "--data-binary", body] + extra
                                                  + ["http://127.0.0.1:\(port)/jsonrpc"])
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    private func taro(_ arguments: [String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run(binary, arguments + ["--state-dir", stateDirectory])
    }

    func testAria2pAddsShowsPausesResumesAndRemovesRowsOnTheScreen() throws {
        try launchWithRPC()
        // add: the file arrives whole (sha256 against an independent fetch by curl).
        let url = server.url("/bytes/3000000?seed=11")
        let added = try aria2p(["add", url])
        XCTAssertEqual(added.status, 0, added.error)
        let gid = try XCTUnwrap(added.output.split(separator: " ").last.map { String($0.dropLast(0)) }?
            .trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(gid.count, 16, added.output)
        try waitForState("done", of: "3000000")
        let reference = scratch + "/reference.bin"
        _ = try ProcessRunner.run(ProcessRunner.find("curl") ?? "/usr/bin/curl", ["-s", "-o", reference, url])
        XCTAssertEqual(try sha256(of: path("3000000")), try sha256(of: reference))

        // show (aria2p's listing) names it, complete.
        let shown = try aria2p(["show"])
        XCTAssertEqual(shown.status, 0, shown.error)
        let line = try XCTUnwrap(shown.output.split(separator: "\n").first { $0.hasPrefix(gid) }, shown.output)
        XCTAssertTrue(line.contains("complete") && line.contains("3000000"), String(line))

        // pause, resume, remove act on the screen's row.
        let slow = try aria2p(["add", server.url("/bytes/100000000?rate=300000"), "-o", "out=slow.bin"])
        XCTAssertEqual(slow.status, 0, slow.error)
        let slowGID = try XCTUnwrap(slow.output.split(separator: " ").last)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try waitForState("active", of: "slow.bin")
        XCTAssertEqual(try aria2p(["pause", slowGID]).status, 0)
        try waitForState("paused", of: "slow.bin")
        XCTAssertEqual(try aria2p(["resume", slowGID]).status, 0)
        try waitForState("active", of: "slow.bin")
        let removed = try aria2p(["remove", slowGID])
        XCTAssertEqual(removed.status, 0, removed.error)
        try waitForScreen("the removed row gone") { $0.row(named: "slow.bin") == nil && $0.row(named: "3000000") != nil }
    }

    func testTheCommandLineHandsURLsToTheRunningInstanceAndListsAndControlsIt() throws {
        try launchWithRPC()
        let added = try taro(["add", server.url("/bytes/1000?seed=2")])
        XCTAssertEqual(added.status, 0, added.error)
        try waitForState("done", of: "1000")
        // A second `taro-tui URL` on the same state directory hands over instead of failing on the lock.
        let second = try taro(["-d", downloads, server.url("/bytes/100000000?rate=300000")])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertTrue(second.output.contains("handed to the running taro-tui"), second.output)
        try waitForState("active", of: "100000000")
        let listed = try taro(["ls"])
        XCTAssertEqual(listed.status, 0, listed.error)
        let gid = try XCTUnwrap(listed.output.split(separator: "\n").first { $0.hasSuffix("100000000") }?
            .split(separator: " ").first.map(String.init), listed.output)
        XCTAssertTrue(listed.output.contains("complete"), listed.output)
        let json = try taro(["ls", "--json"])
        XCTAssertEqual(json.output.split(separator: "\n").count, 2, json.output)
        XCTAssertEqual(try taro(["pause", gid]).status, 0)
        try waitForState("paused", of: "100000000")
        XCTAssertEqual(try taro(["resume", gid]).status, 0)
        try waitForState("active", of: "100000000")
        XCTAssertEqual(try taro(["abort", gid]).status, 0)
        try waitForState("aborted", of: "100000000")
        let unknown = try taro(["pause", "00000000deadbeef"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.error.contains("is not found"), unknown.error)
    }

    func testRawJSONFromCurlIsCheckedAndRefusalsChangeNothingOnScreen() throws {
        try launchWithRPC()
        let before = try tmux.capture().totalsLine
        let wrong = try curl(#"{"jsonrpc":"2.0","id":"1","method":"aria2.addUri","params":["token:nope",["\#(server.url("/bytes/10"))"]]}"#)
        XCTAssertEqual(wrong.status, 400)
        XCTAssertTrue(wrong.body.contains(#""message":"Unauthorized""#), wrong.body)

        // Over the default limit of 2 MiB (from a file: too long for a command line).
        let big = scratch + "/big.json"
        try Data((#"{"jsonrpc":"2.0","id":"1","method":"aria2.addUri","params":["token:\#(Self.secret)",[""#
                  + String(repeating: "x", count: 3 << 20) + #""]]}"#).utf8).write(to: URL(fileURLWithPath: big))
        let oversized = try curl("@" + big)
        XCTAssertEqual(oversized.status, 413)
        XCTAssertTrue(oversized.body.contains(#""code":-32600"#), oversized.body)

        let malformed = try curl(#"{"jsonrpc":"2.0","id":"1","method":"#)
        XCTAssertEqual(malformed.status, 500)
        XCTAssertTrue(malformed.body.contains(#""code":-32700"#), malformed.body)

        let outside = try curl(#"{"jsonrpc":"2.0","id":"1","method":"aria2.addUri","params":["token:\#(Self.secret)",["\#(server.url("/bytes/10"))"],{"dir":"/tmp"}]}"#)
        XCTAssertEqual(outside.status, 400)
        XCTAssertTrue(outside.body.contains("outside the download directory"), outside.body)

        let unknown = try curl(#"{"jsonrpc":"2.0","id":"1","method":"aria2.rmrf","params":["token:\#(Self.secret)"]}"#)
        XCTAssertTrue(unknown.body.contains("No such method"), unknown.body)

        // A hostile name never reaches the terminal raw: it is refused, and
        // a URL whose name needs escaping shows escaped.
        let hostile = try curl(#"{"jsonrpc":"2.0","id":"1","method":"aria2.addUri","params":["token:\#(Self.secret)",["\#(server.url("/bytes/10"))"],{"out":"a\u001b[31mred"}]}"#)
        XCTAssertEqual(hostile.status, 400)
        let screen = try tmux.capture()
        XCTAssertEqual(screen.totalsLine, before, screen.description)
        XCTAssertFalse(screen.contains("\u{1b}"))

        let good = try curl(#"{"jsonrpc":"2.0","id":"1","method":"aria2.addUri","params":["token:\#(Self.secret)",["\#(server.url("/bytes/10"))"],{"out":"ok.bin"}]}"#)
        XCTAssertEqual(good.status, 200, good.body)
        try waitForState("done", of: "ok.bin")
    }
}

/// `taro-tui daemon`: the same manager without a screen, driven only by
/// remote control, ending cleanly on a signal.
final class DaemonEndToEndTests: EndToEndTestCase {
    func testTheDaemonDownloadsWhatTheCommandLineHandsItAndEndsOnSIGTERM() throws {
        let state = scratch + "/state/taro-tui"
        let command = "exec " + environmentPrefix + " " + commandLine(["daemon", "-d", downloads, "--rpc-port", "0"])
            + " 2>" + ProcessRunner.shellQuoted(scratch + "/daemon.log")
        try tmux.start(command: command, cols: 100, rows: 20)
        let pid = try tmux.panePID()
        try waitUntil("the daemon's rpc.json") { FileManager.default.fileExists(atPath: state + "/rpc.json") }
        let added = try ProcessRunner.run(binary, ["add", "--state-dir", state, server.url("/bytes/200000?seed=4")])
        XCTAssertEqual(added.status, 0, added.error)
        try waitUntil("the daemon's download") { self.exists("200000") }
        let listed = try ProcessRunner.run(binary, ["ls", "--state-dir", state])
        try waitUntil("the download complete in ls") {
            (try? ProcessRunner.run(binary, ["ls", "--state-dir", state]).output.contains("complete")) ?? false
        }
        XCTAssertEqual(listed.status, 0, listed.error)
        // A second daemon on the same state directory hands over its URLs and ends.
        let second = try ProcessRunner.run(binary, ["daemon", "-d", downloads, "--state-dir", state,
                                                    server.url("/bytes/10")])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertTrue(second.output.contains("handed to the running taro-tui"), second.output)
        kill(pid, SIGTERM)
        XCTAssertTrue(ProcessTable.waitForExit(pid, timeout: .seconds(10)), "the daemon outlived SIGTERM")
        XCTAssertFalse(FileManager.default.fileExists(atPath: state + "/rpc.json"), "rpc.json outlived the daemon")
        let log = (try? String(contentsOfFile: scratch + "/daemon.log", encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("JSON-RPC on http://127.0.0.1:"), log)
    }
}
