import Foundation

/// Just enough of /proc to find the program a pane runs and to wait for it
/// to be gone.
enum ProcessTable {
    /// Whether `pid` still exists (and is not a zombie).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return fields(stat).first != "Z"
    }

    /// Children of `parent` whose command name is `name`.
    static func children(of parent: pid_t, named name: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
            let comm = String(stat[stat.index(after: open)..<close])
            let rest = fields(stat)
            guard comm == String(name.prefix(15)), rest.count > 1, pid_t(rest[1]) == parent else { return nil }
            return pid
        }
    }

    /// Waits up to `timeout` for `pid` to exit; true when it did.
    static func waitForExit(_ pid: pid_t, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while isAlive(pid) {
            if ContinuousClock.now >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }

    /// The fields after the command name: state, ppid, …
    private static func fields(_ stat: String) -> [String] {
        guard let close = stat.lastIndex(of: ")") else { return [] }
        return stat[stat.index(after: close)...].split(separator: " ").map(String.init)
    }
}
