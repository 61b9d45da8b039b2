import Foundation

/// `$XDG_CONFIG_HOME/taro-tui/config` (or ~/.config/taro-tui/config): default
/// options, one a line, written as the long option without its dashes:
///
///     # comment
///     cacert = /etc/company/ca.pem
///     proxy = http://proxy.example:3128
///     http2
///     notify = bell
///
/// A missing file is no config; an unreadable one, or a line that is not an
/// option, is an error naming the line, and the program does not start.
public enum ConfigFile {
    public struct Entry: Sendable {
        public let file: String
        public let line: Int
        public let flag: String
        public let value: String?
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
        guard FileManager.default.fileExists(atPath: file) else { return [] }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw WireFlags.OptionError(description: "\(file): cannot read it as UTF-8 text")
        }
        return try parse(text, file: file)
    }

    static func parse(_ text: String, file: String) throws -> [Entry] {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
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
            // Only the long names: "-k" in a file would be a puzzle to read.
            let flag = "--" + name
            guard !name.hasPrefix("-"), WireFlags.knows(flag) || NotifyFlags.knows(flag) else {
                throw WireFlags.OptionError(description: "\(file) line \(index + 1): unknown option '\(name)'")
            }
            if WireFlags.withValue.union(NotifyFlags.withValue).contains(flag), value?.isEmpty ?? true {
                throw WireFlags.OptionError(description: "\(file) line \(index + 1): \(name) needs a value (\(name) = ...)")
            }
            if WireFlags.switches.union(NotifyFlags.switches).contains(flag), value != nil {
                throw WireFlags.OptionError(description: "\(file) line \(index + 1): \(name) takes no value")
            }
            entries.append(Entry(file: file, line: index + 1, flag: flag, value: value))
        }
        return entries
    }
}
