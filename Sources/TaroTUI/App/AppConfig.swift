import Foundation

/// How the TUI should look and behave, decided once at launch.
public struct AppConfig: Sendable {
    /// Where `a` queues downloads.
    public var downloadDirectory: String
    /// False when `NO_COLOR` is set to a non-empty value (no-color.org).
    public var useColor: Bool
    /// True when the locale's codeset is not UTF-8: draw with ASCII only.
    public var asciiOnly: Bool
    /// How long the loop waits for a key before looking at the transfers
    /// again; 100 ms gives 10 frames a second while transfers move.
    public var tick: Duration
    /// Where stderr goes while curses owns the screen; /dev/null when nil.
    public var stderrLogPath: String?
    /// Where to write each tick's duration at exit (see TickLog); none when nil.
    public var tickLogPath: String?
    /// Shown on the message line of the first frame (saved records that
    /// could not be read, say), until the first key.
    public var launchNotice: String?
    /// The port aria2's JSON-RPC listens on, when it is on (the footer says so).
    public var rpcPort: UInt16?
    /// What rings when the queue empties (--notify); off by default.
    public var notify: NotifyMode = .off
    /// Whether the terminal title shows the queue's progress (--no-title).
    public var title = true
    /// The key bindings, with the config file's `key.` lines applied.
    public var keys = KeyTable.standard

    public init(downloadDirectory: String, useColor: Bool = true, asciiOnly: Bool = false,
                tick: Duration = .milliseconds(100), stderrLogPath: String? = nil, tickLogPath: String? = nil) {
        self.downloadDirectory = downloadDirectory
        self.useColor = useColor
        self.asciiOnly = asciiOnly
        self.tick = tick
        self.stderrLogPath = stderrLogPath
        self.tickLogPath = tickLogPath
    }

    /// The configuration the environment asks for: `NO_COLOR`, the locale's
    /// codeset (this calls `setlocale(LC_ALL, "")`), `TARO_TUI_LOG` as a
    /// file to keep stderr in while the screen is taken, and
    /// `TARO_TUI_TICK_LOG` as a file for tick durations (benchmarks).
    public static func fromEnvironment(downloadDirectory: String,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) -> AppConfig {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let log = environment["TARO_TUI_LOG"].flatMap { $0.isEmpty ? nil : $0 }
        let ticks = environment["TARO_TUI_TICK_LOG"].flatMap { $0.isEmpty ? nil : $0 }
        return AppConfig(downloadDirectory: downloadDirectory, useColor: !noColor,
                         asciiOnly: !LocaleCodeset.isUTF8(), stderrLogPath: log, tickLogPath: ticks)
    }

    /// The tick in whole milliseconds, kept within what makes sense for a
    /// screen: at least 10 ms, at most one second.
    var tickMilliseconds: Int32 {
        let (seconds, attoseconds) = tick.components
        let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(min(1000, max(10, ms)))
    }
}
