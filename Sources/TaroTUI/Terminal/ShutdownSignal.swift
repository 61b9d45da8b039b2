import Glibc
import Synchronization

/// SIGINT, SIGTERM and SIGHUP stop the program in an orderly way instead of
/// killing it, so curses is always ended, the terminal left usable and every
/// unfinished transfer saved. The handler only stores (async-signal-safe);
/// the loop polls at least once per tick. Installed before curses starts, so
/// ncurses sees our handlers and does not install its own exiting ones.
///
/// SIGINT is counted apart: in the TUI, Ctrl-C asks like `q` and a second
/// one quits, while SIGTERM and SIGHUP quit at once.
enum ShutdownSignal {
    /// SIGTERM or SIGHUP, the last one received; 0 when none.
    static let terminating = Atomic<Int32>(0)
    /// SIGINTs received and not yet taken.
    static let interrupts = Atomic<Int>(0)
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install() {
        terminating.store(0, ordering: .relaxed)
        interrupts.store(0, ordering: .relaxed)
        for number in signals {
            _ = signal(number) { number in
                if number == SIGINT {
                    ShutdownSignal.interrupts.add(1, ordering: .relaxed)
                } else {
                    ShutdownSignal.terminating.store(number, ordering: .relaxed)
                }
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

    /// SIGTERM or SIGHUP if one arrived, else SIGINT if one did, else nil:
    /// for a program that stops on any of them.
    static var pending: Int32? {
        let number = terminating.load(ordering: .relaxed)
        if number != 0 { return number }
        return interrupts.load(ordering: .relaxed) > 0 ? SIGINT : nil
    }

    /// SIGTERM or SIGHUP, if one arrived.
    static var terminationPending: Int32? {
        let number = terminating.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// How many SIGINTs arrived since the last call.
    static func takeInterrupts() -> Int {
        interrupts.exchange(0, ordering: .relaxed)
    }
}
