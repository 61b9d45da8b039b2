import XCTest
import Foundation

/// TARO_TUI_TICK_LOG=PATH: the real binary writes its ticks at exit, one
/// line each: microseconds, the footer's counts, the controller's share,
/// the UI thread's CPU time.
final class TickLogEndToEndTests: EndToEndTestCase {
    func testTheTicksOfARunAreWrittenAtExit() throws {
        let log = scratch + "/ticks.tsv"
        try startShell()
        try runInShell("TARO_TUI_TICK_LOG=" + ProcessRunner.shellQuoted(log) + " "
                       + commandLine(["-d", downloads, server.url("/bytes/4001?seed=1")]))
        try adoptProgram(startedBy: try tmux.panePID())
        try waitForState("done", of: "4001")
        XCTAssertFalse(FileManager.default.fileExists(atPath: log), "written at exit, not while running")
        try tmux.send("q")
        XCTAssertEqual(try waitForExitStatus(), "EXIT=0")
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 1)
        for line in lines {
            let fields = line.split(separator: "\t").compactMap { Int($0) }
            XCTAssertEqual(fields.count, 8, String(line))
            XCTAssertLessThan(fields[0], 1_000_000, "a tick under a second")
            XCTAssertLessThanOrEqual(fields[6], fields[0], "the feed is part of the tick")
        }
        // The last tick drawn saw the transfer done.
        XCTAssertEqual(lines.last.map { $0.split(separator: "\t")[3] }, "1")
    }
}
