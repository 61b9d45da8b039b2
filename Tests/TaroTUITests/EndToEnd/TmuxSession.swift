import Foundation

/// One private tmux server (its own socket, no user configuration) running
/// one window: the terminal the end-to-end tests drive. `kill()` ends the
/// server and with it everything started in the pane.
final class TmuxSession {
    struct CommandError: Error, CustomStringConvertible {
        let description: String
    }

    let executable: String
    let socket: String
    private(set) var isRunning = false
    /// tmux leaves its socket file behind after kill-server; removed in kill().
    private var socketPath: String?

    init(executable: String) {
        self.executable = executable
        socket = "taro-e2e-" + UUID().uuidString.lowercased()
    }

    /// Starts the server with a `cols`×`rows` window running `command` (a
    /// line for `sh -c`). Dead panes stay on screen (remain-on-exit) so the
    /// tests can read the exit status and the last screen; applications may
    /// set tmux's clipboard (set-clipboard on), so an OSC 52 that slipped
    /// through would be caught.
    func start(command: String, cols: Int, rows: Int) throws {
        try tmux(["-f", "/dev/null",
                  "set-option", "-g", "remain-on-exit", "on", ";",
                  "set-option", "-g", "set-clipboard", "on", ";",
                  "set-option", "-g", "default-terminal", "tmux-256color", ";",
                  "new-session", "-d", "-s", "e2e", "-x", "\(cols)", "-y", "\(rows)", command])
        isRunning = true
        socketPath = try? display("#{socket_path}")
    }

    /// Keys by tmux name ("Enter", "Escape", "Up") or single characters.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// `text` typed literally, as a paste of ordinary characters.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    /// `text` pasted into the pane as a terminal pastes: in one write, line
    /// breaks sent as CR, and wrapped in ESC[200~ … ESC[201~ when
    /// `bracketed` and the program asked for bracketed paste.
    func paste(_ text: String, bracketed: Bool) throws {
        try tmux(["set-buffer", "-b", "e2e-paste", "--", text])
        try tmux(["paste-buffer", "-b", "e2e-paste", "-d", "-t", "e2e"] + (bracketed ? ["-p"] : []))
    }

    func capture() throws -> TerminalScreen {
        TerminalScreen(try tmux(["capture-pane", "-p", "-t", "e2e"]))
    }

    func resize(cols: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(cols)", "-y", "\(rows)"])
    }

    /// A tmux format evaluated for the pane, e.g. "#{pane_pid}".
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "e2e", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Appends everything the program writes to the pane, raw, to `file`
    /// (escape sequences that draw nothing, like a bell, included).
    func pipeOutput(to file: String) throws {
        try tmux(["pipe-pane", "-o", "-t", "e2e", "cat >> " + ProcessRunner.shellQuoted(file)])
    }

    /// Paste buffers (an OSC 52 reaching tmux would create one).
    func bufferNames() throws -> [String] {
        let result = try ProcessRunner.run(executable, ["-L", socket, "list-buffers", "-F", "#{buffer_name}"])
        return result.output.split(separator: "\n").map(String.init)
    }

    /// The pane's process id.
    func panePID() throws -> pid_t {
        guard let pid = pid_t(try display("#{pane_pid}")) else { throw CommandError(description: "no pane pid") }
        return pid
    }

    /// The exit status once the pane's program ended, else nil.
    func deadStatus() throws -> Int32? {
        let text = try display("#{pane_dead}:#{pane_dead_status}")
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.first == "1" else { return nil }
        return parts.count > 1 ? Int32(parts[1]) ?? -1 : -1
    }

    /// Ends the server (the pane's processes get SIGHUP). Idempotent.
    func kill() {
        guard isRunning else { return }
        isRunning = false
        _ = try? ProcessRunner.run(executable, ["-L", socket, "kill-server"])
        if let socketPath, socketPath.contains(socket) { unlink(socketPath) }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(executable, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw CommandError(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): "
                               + result.error)
        }
        return result.output
    }
}
