import CSystem
import Foundation

/// Starts a thread under a name the system's tools show (`top -H`, htop,
/// `perf`, `/proc/PID/task/*/comm`), so a person can tell the engine from
/// the disk worker when one of them burns a core.
///
/// On Linux, Foundation keeps a `Thread.name` set before `start()` to
/// itself (and `pthread_setname_np` refuses a name over 15 bytes), so the
/// new thread names itself through `prctl`, cut to fit, before it runs `body`.
public enum NamedThread {
    /// The kernel's limit, without the terminating zero.
    public static let maxNameBytes = 15

    public static func start(_ name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            nameCurrent(name)
            body()
        }
        thread.name = name
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
    }

    /// Names the calling thread; names are ASCII here, so a byte cut is a character cut.
    public static func nameCurrent(_ name: String) {
        var bytes = name.utf8.prefix(maxNameBytes).map { CChar(bitPattern: $0) }
        bytes.append(0)
        _ = taro_name_thread(bytes)
    }
}
