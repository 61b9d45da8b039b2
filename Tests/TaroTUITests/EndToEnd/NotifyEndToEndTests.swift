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
