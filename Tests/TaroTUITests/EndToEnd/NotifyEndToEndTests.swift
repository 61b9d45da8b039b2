import Foundation
import XCTest

/// The terminal title follows the queue, and `--notify osc9` sends one
/// desktop notification when the queue empties, as tmux sees them.
final class NotifyEndToEndTests: EndToEndTestCase {
    func testTitleFollowsTheQueueAndOSC9IsSentWhenItEmpties() throws {
        let raw = scratch + "/pane-output"
        let name = "400000"
        // Slow enough that the pipe is on before the transfer ends.
        try launch(["-d", downloads, "--notify", "osc9", server.url("/bytes/400000?rate=100000")])
        try tmux.pipeOutput(to: raw)
        try waitUntil("a progress title") { (try? tmux.display("#{pane_title}"))?.hasPrefix("taro-tui 0% · 0/1 done") ?? false }
        try waitForState("done", of: name)
        try waitForScreen("the summary line") { $0.contains("All done: 1 done") }
        try waitUntil("the finished title") { (try? tmux.display("#{pane_title}")) == "taro-tui 100% · 1/1 done" }
        try waitUntil("the OSC 9 notification") {
            let text = (try? String(contentsOfFile: raw, encoding: .utf8)) ?? ""
            return text.contains("\u{1b}]9;taro-tui: All done: 1 done\u{07}")
        }
        let text = try String(contentsOfFile: raw, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "\u{1b}]9;").count - 1, 1, "one notification")
    }

    func testNoTitleLeavesTheTitleAlone() throws {
        try launch(["-d", downloads, "--no-title", server.url("/bytes/400000?rate=100000")])
        try waitForState("done", of: "400000")
        XCTAssertFalse(try tmux.display("#{pane_title}").hasPrefix("taro-tui"))
    }
}

extension NotifyEndToEndTests {
    /// The pane's raw output with every OSC sequence (ESC ] … BEL) taken out:
    /// what is left of BEL is a bell.
    static func bellsOutsideOSC(_ text: String) -> Int {
        var bells = 0
        var inOSC = false
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if previous == "\u{1b}" && scalar == "]" { inOSC = true }
            if scalar == "\u{07}" {
                if inOSC { inOSC = false } else { bells += 1 }
            }
            previous = scalar
        }
        return bells
    }

    func testBellRingsOnceWhenTheQueueEmptiesAndTheTitleIsClearedAtExit() throws {
        let raw = scratch + "/pane-output"
        try launch(["-d", downloads, "--notify", "bell", server.url("/bytes/400000?rate=100000")])
        try tmux.pipeOutput(to: raw)
        try waitForState("done", of: "400000")
        try waitForScreen("the summary line") { $0.contains("All done: 1 done") }
        try waitUntil("the bell") {
            Self.bellsOutsideOSC((try? String(contentsOfFile: raw, encoding: .utf8)) ?? "") == 1
        }
        try waitUntil("the finished title") { (try? tmux.display("#{pane_title}"))?.hasPrefix("taro-tui 100%") ?? false }
        try tmux.send("q")
        try waitUntil("the program to end") { try tmux.deadStatus() != nil }
        XCTAssertFalse(try tmux.display("#{pane_title}").hasPrefix("taro-tui"), "the title is not left behind")
        XCTAssertEqual(Self.bellsOutsideOSC(try String(contentsOfFile: raw, encoding: .utf8)), 1, "rung once")
    }
}
