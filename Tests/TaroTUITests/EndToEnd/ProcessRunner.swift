import Foundation

/// Runs a program to completion and collects what it printed. The end-to-end
/// tests use it for tmux and sha256sum.
///
/// Plain `posix_spawn` + `waitpid` rather than Foundation's `Process`: `tmux
/// new-session` leaves a server running that inherits the client's
/// descriptors, and `Process` then never sees its child end. Output goes to
/// unlinked temporary files for the same reason (a pipe the server held
/// would never reach end-of-file).
enum ProcessRunner {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    struct LaunchError: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let output = try scratchFile()
        let error = try scratchFile()
        defer {
            close(output)
            close(error)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw LaunchError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw LaunchError(description: "waitpid failed: errno \(errno)") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift cannot import as macros.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, output: contents(of: output), error: contents(of: error))
    }

    private static func scratchFile() throws -> Int32 {
        var template = Array((NSTemporaryDirectory() + "taro-e2e-out-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw LaunchError(description: "mkstemp failed: errno \(errno)") }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)   // only the child's dup2'd copies are inherited
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    private static func contents(of fd: Int32) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
            offset += off_t(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first executable called `name` in the usual system directories
    /// or on PATH, or nil.
    static func find(_ name: String) -> String? {
        var directories = ["/usr/bin", "/bin", "/usr/local/bin"]
        if let path = ProcessInfo.processInfo.environment["PATH"] {
            directories += path.split(separator: ":").map(String.init)
        }
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `text` quoted for `sh`: safe whatever it contains.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
