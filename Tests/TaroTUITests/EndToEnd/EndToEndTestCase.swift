import XCTest
import Foundation
import TaroServer

/// Runs the real `taro-tui` in a private tmux server (a real terminal)
/// against a TaroServer in the test process, and reads the screen back.
/// Every wait polls the screen with a deadline; nothing sleeps as an
/// assertion. tearDown ends tmux, waits for the program, stops the server
/// and removes the scratch directory.
class EndToEndTestCase: XCTestCase {
    static let deadline: Duration = .seconds(20)
    static let pollInterval = 0.1

    private(set) var server: TaroServer!
    private(set) var tmux: TmuxSession!
    private(set) var binary = ""
    /// Scratch for the test; the program's TMPDIR (the demo's files land here).
    private(set) var scratch = ""
    /// `-d` for the program.
    private(set) var downloads = ""
    /// The program itself (not a shell around it), once launched.
    private(set) var programPID: pid_t?

    var stderrLog: String { scratch + "/stderr.log" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard let tmuxPath = ProcessRunner.find("tmux") else {
            // A failure, not a skip: make test installs tmux, so its absence
            // must not quietly turn the end-to-end suite off.
            throw EndToEndFailure("tmux is not installed (make test installs it)")
        }
        guard let found = TaroBinary.locate() else {
            throw EndToEndFailure("no taro-tui executable next to the test bundle; run `swift build --build-tests` first")
        }
        binary = found
        scratch = try Self.makeScratchDirectory()
        downloads = scratch + "/downloads"
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: false)
        server = try TaroServer()
        tmux = TmuxSession(executable: tmuxPath)
    }

    override func tearDown() {
        tmux?.kill()
        if let pid = programPID, !ProcessTable.waitForExit(pid, timeout: .seconds(5)) {
            // Did not honour SIGHUP in time: make sure it does not outlive the test.
            XCTFail("taro-tui (pid \(pid)) was still running 5 s after its terminal closed")
            Glibc.kill(pid, SIGKILL)
            _ = ProcessTable.waitForExit(pid, timeout: .seconds(5))
        }
        server?.stop()
        if !scratch.isEmpty { try? FileManager.default.removeItem(atPath: scratch) }
        super.tearDown()
    }

    // MARK: launching

    /// The environment every launch gets: a UTF-8 locale, tmux's terminfo,
    /// colours on, and temporary files, stderr and the saved queue (the
    /// state directory) kept in the scratch directory, so no test sees the
    /// user's queue or another test's; the config file is the scratch
    /// directory's too (none unless a test writes `configFile`).
    var environmentPrefix: String {
        let settings = ["TERM=tmux-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TMPDIR=" + scratch,
                        "XDG_STATE_HOME=" + scratch + "/state", "XDG_CONFIG_HOME=" + scratch + "/config",
                        "TARO_TUI_LOG=" + stderrLog]
        return "env -u NO_COLOR " + settings.map(ProcessRunner.shellQuoted).joined(separator: " ")
    }

    /// `taro-tui ARGUMENTS…` as the pane's only program (the pane stays, dead,
    /// when it exits), then waits for its first frame.
    func launch(_ arguments: [String], cols: Int = 120, rows: Int = 40) throws {
        let command = "exec " + environmentPrefix + " " + commandLine(arguments)
        try tmux.start(command: command, cols: cols, rows: rows)
        programPID = try tmux.panePID()
        try waitForFirstFrame()
    }

    /// The heading and the totals line are drawn. Not the key hints: when
    /// every transfer is done before the first capture, the message line
    /// already holds the "All done" summary in their place.
    @discardableResult
    func waitForFirstFrame() throws -> TerminalScreen {
        try waitForScreen("the first frame") { $0.contains("NAME") && $0.contains(" active · ") }
    }

    /// `taro-tui -d DOWNLOADS URL…`.
    func launchDownloading(_ urls: [String], cols: Int = 120, rows: Int = 40) throws {
        try launch(["-d", downloads] + urls, cols: cols, rows: rows)
    }

    /// Where the launched program reads its config file.
    var configFile: String { scratch + "/config/taro-tui/config" }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: scratch + "/config/taro-tui", withIntermediateDirectories: true)
        try text.write(toFile: configFile, atomically: true, encoding: .utf8)
    }

    func commandLine(_ arguments: [String]) -> String {
        ([binary] + arguments).map(ProcessRunner.shellQuoted).joined(separator: " ")
    }

    /// Records the pid of the program a shell in the pane started.
    func adoptProgram(startedBy shell: pid_t) throws {
        try waitUntil("taro-tui to start under the shell") {
            !ProcessTable.children(of: shell, named: TaroBinary.name).isEmpty
        }
        programPID = ProcessTable.children(of: shell, named: TaroBinary.name).first
    }

    // MARK: waiting

    /// Polls the screen until `condition` holds; throws with the last screen
    /// (and the program's stderr) when the deadline passes or the program ends.
    @discardableResult
    func waitForScreen(_ what: String, timeout: Duration = deadline,
                       until condition: (TerminalScreen) throws -> Bool) throws -> TerminalScreen {
        let end = ContinuousClock.now + timeout
        while true {
            let screen = try tmux.capture()
            if try condition(screen) { return screen }
            if let status = try tmux.deadStatus() {
                throw EndToEndFailure("taro-tui exited with status \(status) while waiting for \(what)\n"
                                      + screen.description + programLog)
            }
            if ContinuousClock.now >= end {
                throw EndToEndFailure("no \(what) after \(timeout)\n" + screen.description + programLog)
            }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
    }

    /// Polls `condition` (files, processes) with the same deadline.
    func waitUntil(_ what: String, timeout: Duration = deadline, _ condition: () throws -> Bool) throws {
        let end = ContinuousClock.now + timeout
        while try !condition() {
            if ContinuousClock.now >= end {
                let screen = (try? tmux.capture())?.description ?? "(no screen)"
                throw EndToEndFailure("no \(what) after \(timeout)\n" + screen + programLog)
            }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
    }

    /// Waits until `name`'s row shows `state`.
    @discardableResult
    func waitForState(_ state: String, of name: String, timeout: Duration = deadline) throws -> TerminalScreen {
        try waitForScreen("\(name) \(state)", timeout: timeout) { $0.state(of: name) == state }
    }

    private var programLog: String {
        guard let text = try? String(contentsOfFile: stderrLog, encoding: .utf8), !text.isEmpty else { return "" }
        return "\n--- taro-tui stderr:\n" + text
    }

    // MARK: files

    func path(_ name: String) -> String { downloads + "/" + name }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    func downloadedNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: downloads)) ?? []).sorted()
    }

    /// sha256 of a file, by /usr/bin/sha256sum (independent of the code under test).
    func sha256(of file: String) throws -> String {
        let tool = ProcessRunner.find("sha256sum") ?? "/usr/bin/sha256sum"
        let result = try ProcessRunner.run(tool, [file])
        guard result.status == 0, let digest = result.output.split(separator: " ").first else {
            throw EndToEndFailure("sha256sum \(file) failed: \(result.error)")
        }
        return String(digest)
    }

    private static func makeScratchDirectory() throws -> String {
        var template = Array((NSTemporaryDirectory() + "taro-e2e-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw EndToEndFailure("mkdtemp failed: errno \(errno)")
        }
        return String(cString: made)
    }
}
