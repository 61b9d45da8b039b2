import Foundation

/// Running taro-tui from an interactive shell in the pane, for what only a
/// shell shows: a pipe into the program, an error printed before any
/// screen, the exit status, and the terminal as the shell gets it back.
extension EndToEndTestCase {
    static let shellPrompt = "e2e-shell$ "
    static let shellPromptMark = "e2e-shell$"

    var exitStatusFile: String { scratch + "/exit-status" }

    /// A shell in the pane, waiting at its prompt.
    func startShell() throws {
        let shell = environmentPrefix + " PS1=" + ProcessRunner.shellQuoted(Self.shellPrompt) + " sh"
        try tmux.start(command: "exec " + shell, cols: 120, rows: 40)
        try waitForScreen("the shell prompt") { $0.contains(Self.shellPromptMark) }
    }

    /// Types `pipeline` (a shell command line that runs taro-tui) followed
    /// by writing its exit status to `exitStatusFile`, and presses Enter.
    func runInShell(_ pipeline: String) throws {
        try tmux.type(pipeline + "; echo EXIT=$? > " + ProcessRunner.shellQuoted(exitStatusFile))
        try tmux.send("Enter")
    }

    /// "EXIT=N" once the shell has written the whole line, else nil.
    func shellExitStatus() -> String? {
        guard let text = try? String(contentsOfFile: exitStatusFile, encoding: .utf8), text.hasSuffix("\n") else {
            return nil
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits for the exit status line and returns it.
    func waitForExitStatus() throws -> String {
        try waitUntil("the exit status") { shellExitStatus() != nil }
        return shellExitStatus() ?? ""
    }
}
