import Glibc
import Synchronization

/// SIGINT, SIGTERM and SIGHUP ask the loop to quit instead of killing the
/// process, so curses is always ended and the terminal left usable. The
/// handler only stores the signal number (async-signal-safe); the loop polls
/// it at least once per tick. Installed before curses starts, so ncurses sees
/// our handlers and does not install its own exiting ones.
enum ShutdownSignal {
    static let received = Atomic<Int32>(0)
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install() {
        received.store(0, ordering: .relaxed)
        for number in signals {
            _ = signal(number) { number in
                ShutdownSignal.received.store(number, ordering: .relaxed)
            }
        }
    }

    static func restore() {
        for number in signals { _ = signal(number, SIG_DFL) }
    }

    static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        default: return "signal \(number)"
        }
    }

    /// The signal that asked to quit, or nil.
    static var pending: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
