import Foundation

/// `--notify bell|osc9|osc777|off` and `--no-title`: the TUI's attention
/// options, from the config file (`notify = bell`, `no-title`) and then the
/// command line, which wins.
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

    public static func resolve(_ commandLine: [(flag: String, value: String?)],
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> NotifyFlags {
        var flags = NotifyFlags()
        for entry in try ConfigFile.load(environment: environment) where knows(entry.flag) {
            do {
                try flags.apply(entry.flag, entry.value)
            } catch {
                throw WireFlags.OptionError(description: "\(entry.file) line \(entry.line): \(error)")
            }
        }
        for (flag, value) in commandLine { try flags.apply(flag, value) }
        return flags
    }
}
