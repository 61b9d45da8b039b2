import Foundation

/// `$XDG_CONFIG_HOME/taro-tui/config` (or ~/.config/taro-tui/config): default
/// options, one a line, written as the long option without its dashes:
///
///     # comment
///     cacert = /etc/company/ca.pem
///     proxy = http://proxy.example:3128
///     http2
///     notify = bell
///     key.abort = X
///
/// Besides the network options (WireFlags), the rate options (RateFlags)
/// and the manager's remote control (`rpc`, `rpc-port`, …), `notify` and
/// `no-title` may be set here.
/// `key.` lines rebind keys; KeyConfig reads them.
/// A missing file is no config; an unreadable one, or a line that is not an
/// option, is an error naming the line, and the program does not start.
public enum ConfigFile {
    /// The manager's own options a config line may set, with a value…
    public static let managerWithValue: Set<String> = RateFlags.withValue.union([
        "--rpc-port", "--rpc-secret", "--rpc-allow-dir", "--rpc-max-request-size",
    ]).union(NotifyFlags.withValue)
    /// …and standing alone.
    public static let managerSwitches: Set<String> = Set(["--rpc", "--rpc-listen-all"]).union(NotifyFlags.switches)

    static func knows(_ flag: String) -> Bool {
        WireFlags.knows(flag) || managerWithValue.contains(flag) || managerSwitches.contains(flag)
    }

    static func needsValue(_ flag: String) -> Bool {
        WireFlags.withValue.contains(flag) || managerWithValue.contains(flag)
    }

    /// The config's entries for `flags`, as command-line arguments to put
    /// before the real ones (which come later and so win). `check` reads one
    /// entry's arguments alone, so a bad value is reported with its line.
    public static func arguments(for flags: Set<String>,
                                 environment: [String: String] = ConfigFile.placeEnvironment(),
                                 check: ([String]) throws -> Void) throws -> [String] {
        var arguments: [String] = []
        for entry in try load(environment: environment) where flags.contains(entry.flag) {
            let pair = [entry.flag] + (entry.value.map { [$0] } ?? [])
            do {
                try check(pair)
            } catch {
                throw WireFlags.OptionError(description: "\(entry.file) line \(entry.line): \(error)")
            }
            arguments += pair
        }
        return arguments
    }

    /// The rate options of the config file, checked, for `get` and `upload`.
    public static func rateArguments(environment: [String: String] = ConfigFile.placeEnvironment()) throws -> [String] {
        try arguments(for: RateFlags.withValue, environment: environment) { pair in
            var flags = RateFlags()
            _ = try flags.take(pair[0], pair[1])
        }
    }

    public struct Entry: Sendable {
        public let file: String
        public let line: Int
        public let flag: String
        public let value: String?
    }

    /// The variables that say where the file is, read with getenv: a
    /// headless `get` needs no other, and ProcessInfo's whole environment
    /// (a dictionary of every variable) pulled in Foundation code it never
    /// used again.
    public static func placeEnvironment() -> [String: String] {
        var found: [String: String] = [:]
        for name in ["XDG_CONFIG_HOME", "HOME"] {
            if let value = getenv(name) { found[name] = String(cString: value) }
        }
        return found
    }

    public static func path(environment: [String: String]) -> String {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            return base + "/taro-tui/config"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/taro-tui/config"
    }

    public static func load(environment: [String: String]) throws -> [Entry] {
        let file = path(environment: environment)
        // access(2): FileManager's check brought in Foundation code a `get` needs nowhere else.
        guard access(file, F_OK) == 0 else { return [] }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw WireFlags.OptionError(description: "\(file): cannot read it as UTF-8 text")
        }
        return try parse(text, file: file)
    }

    static func parse(_ text: String, file: String) throws -> [Entry] {
        var entries: [Entry] = []
        // "\r\n" is one Character: splitting on "\n" alone read a CRLF file as one line.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let name: String
            var value: String?
            if let eq = line.firstIndex(of: "=") {
                name = line[..<eq].trimmingCharacters(in: .whitespaces)
                value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            } else {
                name = line
            }
            // Key bindings are KeyConfig's to read.
            if name.hasPrefix(KeyConfig.prefix) { continue }
            // Only the long names: "-k" in a file would be a puzzle to read.
            let flag = "--" + name
            guard !name.hasPrefix("-"), knows(flag) else {
                throw WireFlags.OptionError(description: "\(file) line \(index + 1): unknown option '\(name)'")
            }
            if needsValue(flag), value?.isEmpty ?? true {
                throw WireFlags.OptionError(description: "\(file) line \(index + 1): \(name) needs a value (\(name) = ...)")
            }
            if !needsValue(flag), value != nil {
                throw WireFlags.OptionError(description: "\(file) line \(index + 1): \(name) takes no value")
            }
            entries.append(Entry(file: file, line: index + 1, flag: flag, value: value))
        }
        return entries
    }
}
