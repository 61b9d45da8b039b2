import Foundation
@testable import TaroNet
import XCTest

/// `q` while a transfer runs asks first: `n` or Esc keeps everything going,
/// `y` quits with status 0 and hands the terminal back as it was. Ctrl-C
/// asks the same; a second Ctrl-C quits with 130, the transfer saved. The
/// program runs from an interactive shell so the shell's screen can be seen
/// coming back.
final class QuitEndToEndTests: EndToEndTestCase {
    /// The shell's PS1; captures trim the trailing blank, so matching is on
    /// `promptMark`.
    static let prompt = "e2e-shell$ "
    static let promptMark = "e2e-shell$"
    static let question = "1 transfer is not finished. Quit anyway? (y/N)"

    private var statusFile: String { scratch + "/exit-status" }

    /// A shell in the pane, `taro-tui -d DOWNLOADS URL; echo EXIT=$? > FILE`
    /// typed into it, and the first frame.
    private func launchFromShell(_ url: String) throws {
        let shell = environmentPrefix + " PS1=" + ProcessRunner.shellQuoted(Self.prompt) + " sh"
        try tmux.start(command: "exec " + shell, cols: 120, rows: 40)
        try waitForScreen("the shell prompt") { $0.contains(Self.promptMark) }
        try tmux.type(commandLine(["-d", downloads, url]) + "; echo EXIT=$? > " + ProcessRunner.shellQuoted(statusFile))
        try tmux.send("Enter")
        try adoptProgram(startedBy: try tmux.panePID())
        try waitForFirstFrame()
    }

    /// "EXIT=N" once the shell has written the whole line, else nil.
    private func exitStatusText() -> String? {
        guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8), text.hasSuffix("\n") else {
            return nil
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testNoAndEscapeAnswerTheQuestionAndKeepTransferring() throws {
        let name = "50000000"
        try launchFromShell(server.url("/bytes/50000000?rate=300000"))
        try waitForState("active", of: name)

        for answer in ["n", "Escape"] {
            try tmux.send("q")
            try waitForScreen("the quit question") { $0.lines.last == Self.question }
            let asked = try tmux.capture()
            try tmux.send(answer)
            try waitForScreen("the question to go after \(answer)") { $0.lines.last?.contains("q quit") ?? false }
            // Still transferring: the byte count moves on.
            let before = asked.sizeText(of: name)
            try waitForScreen("bytes still arriving after \(answer)") { $0.sizeText(of: name) != before }
            XCTAssertEqual(try tmux.capture().state(of: name), "active")
            XCTAssertFalse(FileManager.default.fileExists(atPath: statusFile), "taro-tui exited on \(answer)")
        }
    }

    func testQThenYExitsWithStatusZeroAndRestoresTheTerminal() throws {
        let name = "50000000"
        try launchFromShell(server.url("/bytes/50000000?rate=300000"))
        try waitForState("active", of: name)
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "1", "curses runs on the alternate screen")

        try tmux.send("q")
        try waitForScreen("the quit question") { $0.lines.last == Self.question }
        try tmux.send("y")
        try waitUntil("the exit status") { exitStatusText() != nil }
        XCTAssertEqual(exitStatusText(), "EXIT=0")
        if let pid = programPID {
            XCTAssertTrue(ProcessTable.waitForExit(pid, timeout: .seconds(5)), "taro-tui is gone")
        }

        // The shell's own screen is back: the command that was typed, then a
        // fresh prompt; nothing of the list is left.
        let screen = try waitForScreen("the shell prompt again") { screen in
            screen.lines.filter { $0.hasPrefix(Self.promptMark) }.count == 2
        }
        XCTAssertTrue(screen.lines.contains { $0.hasPrefix(Self.prompt) && $0.contains("taro-tui") }, screen.description)
        XCTAssertFalse(screen.contains("q quit"), screen.description)
        XCTAssertFalse(screen.contains("NAME"), screen.description)
        // Modes curses switched on are off again: alternate screen, hidden
        // cursor, keypad transmit, mouse reporting.
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0")
        XCTAssertEqual(try tmux.display("#{cursor_flag}"), "1")
        XCTAssertEqual(try tmux.display("#{keypad_flag}"), "0")
        XCTAssertEqual(try tmux.display("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}"), "000")
        // The shell still reads lines normally (echo and canonical mode back).
        try tmux.type("echo still-$((40+2))")
        try tmux.send("Enter")
        try waitForScreen("the shell to answer") { $0.lines.contains("still-42") }
    }

    func testCtrlCAsksLikeQAndASecondCtrlCQuitsSavingTheTransfer() throws {
        let name = "50000000"
        try launchFromShell(server.url("/bytes/50000000?rate=300000"))
        try waitForState("active", of: name)

        try tmux.send("C-c")
        try waitForScreen("the quit question after Ctrl-C") { $0.lines.last == Self.question }
        let asked = try tmux.capture()
        try waitForScreen("bytes still arriving while asking") { $0.sizeText(of: name) != asked.sizeText(of: name) }
        XCTAssertNil(exitStatusText(), "one Ctrl-C only asks")

        try tmux.send("C-c")
        try waitUntil("the exit status after the second Ctrl-C") { exitStatusText() != nil }
        XCTAssertEqual(exitStatusText(), "EXIT=130")
        if let pid = programPID {
            XCTAssertTrue(ProcessTable.waitForExit(pid, timeout: .seconds(5)), "taro-tui is gone")
        }
        try waitForScreen("the shell prompt again") { $0.lines.filter { $0.hasPrefix(Self.promptMark) }.count == 2 }
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "the terminal is handed back")

        try assertSavedExactly(name)
    }

    func testSIGTERMQuitsAtOnceWith143SavingTheTransfer() throws {
        let name = "50000000"
        try launchFromShell(server.url("/bytes/50000000?rate=300000"))
        try waitForState("active", of: name)
        let pid = try XCTUnwrap(programPID)
        kill(pid, SIGTERM)
        try waitUntil("the exit status after SIGTERM") { exitStatusText() != nil }
        XCTAssertEqual(exitStatusText(), "EXIT=143", "no question: SIGTERM quits")
        XCTAssertTrue(ProcessTable.waitForExit(pid, timeout: .seconds(5)), "taro-tui is gone")
        XCTAssertEqual(try tmux.display("#{alternate_on}"), "0", "the terminal is handed back")
        try assertSavedExactly(name)
    }

    /// Saved on the way out: the .part synced, the one record holding exactly its length.
    private func assertSavedExactly(_ name: String) throws {
        let part = path(name + ".part")
        let size = ((try FileManager.default.attributesOfItem(atPath: part))[.size] as? NSNumber)?.int64Value ?? 0
        XCTAssertGreaterThan(size, 0)
        let records = QueueJournal.liveRecords(atPath: scratch + "/state/taro-tui/queue.journal")
        XCTAssertEqual(records.count, 1, "\(records.map(\.key))")
        let data = Data(try XCTUnwrap(records.first?.json))
        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let resume = try XCTUnwrap(record["resume"] as? [String: Any])
        XCTAssertEqual((resume["offset"] as? NSNumber)?.int64Value, size)
    }
}
