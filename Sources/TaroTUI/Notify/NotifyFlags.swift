/// `--notify bell|osc9|osc777|off` and `--no-title`: the TUI's attention
/// options, from the config file (`notify = bell`, `no-title`; see
/// ConfigFile.managerWithValue) and then the command line, which wins.
public struct NotifyFlags: Sendable, Equatable {
    public static let withValue: Set<String> = ["--notify"]
    public static let switches: Set<String> = ["--no-title"]
    public static func knows(_ flag: String) -> Bool { withValue.contains(flag) || switches.contains(flag) }

    public var notify: NotifyMode = .off
    public var title = true

    public init() {}

    public mutating func apply(_ flag: String, _ value: String?) throws {
        switch flag {
        case "--notify":
            guard let value else { throw NotifyMode.Invalid(description: "--notify needs a value") }
            notify = try NotifyMode.parse(value)
        case "--no-title": title = false
        default: throw NotifyMode.Invalid(description: "unknown option \(flag)")
        }
    }

    /// The flags in order: the config file's (ManagerLaunch puts them
    /// first, each checked on its own line), then the command line's.
    public static func resolve(_ flags: [(flag: String, value: String?)]) throws -> NotifyFlags {
        var resolved = NotifyFlags()
        for (flag, value) in flags { try resolved.apply(flag, value) }
        return resolved
    }
}
