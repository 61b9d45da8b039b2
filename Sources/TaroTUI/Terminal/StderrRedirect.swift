import Glibc

/// Points file descriptor 2 somewhere else while curses owns the screen: a
/// stray log line from any thread would otherwise land in the middle of the
/// frame. The original is restored on exit.
final class StderrRedirect {
    private var saved: Int32

    init(to path: String?) {
        saved = dup(STDERR_FILENO)
        let target = open(path ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if target >= 0 {
            _ = dup2(target, STDERR_FILENO)
            _ = close(target)
        }
    }

    func restore() {
        guard saved >= 0 else { return }
        _ = dup2(saved, STDERR_FILENO)
        _ = close(saved)
        saved = -1
    }

    deinit { restore() }
}
