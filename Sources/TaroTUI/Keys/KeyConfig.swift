import Foundation

/// `key.ACTION = KEY [KEY...]` lines of the config file: each moves an
/// action to the keys named (its old keys are freed). An unknown action or
/// key name, a line without keys, or two actions left on one key is an error
/// naming the line, and the program does not start: a silently dead key is
/// worse than no start.
public enum KeyConfig {
    public struct ConfigError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public static let prefix = "key."

    public static func load(environment: [String: String]) throws -> KeyTable {
        let file = ConfigFile.path(environment: environment)
        guard FileManager.default.fileExists(atPath: file) else { return .standard }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(description: "\(file): cannot read it as UTF-8 text")
        }
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String, base: KeyTable = .standard) throws -> KeyTable {
        var table = base
        var lineOf: [Action: Int] = [:]
        // "\r\n" is one Character: splitting on "\n" alone read a CRLF file as one line.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix(prefix) else { continue }
            let number = index + 1
            func fail(_ why: String) -> ConfigError { ConfigError(description: "\(file) line \(number): \(why)") }
            guard let eq = line.firstIndex(of: "=") else { throw fail("\(line) needs keys (key.ACTION = KEY)") }
            let name = line[line.index(line.startIndex, offsetBy: prefix.count)..<eq].trimmingCharacters(in: .whitespaces)
            guard let action = Action(rawValue: name) else {
                throw fail("unknown action '\(name)' (known: \(Action.allCases.map(\.rawValue).joined(separator: " ")))")
            }
            let names = line[line.index(after: eq)...].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !names.isEmpty else { throw fail("key.\(name) needs at least one key") }
            var keys: [Key] = []
            for keyName in names {
                guard let key = KeyName.parse(keyName) else { throw fail("unknown key '\(keyName)'") }
                keys.append(key)
            }
            table.rebind(action, to: keys)
            lineOf[action] = number
        }
        if let clash = table.conflicts.first {
            // Name the line that made the clash: the latest rebinding involved.
            let number = clash.actions.compactMap { lineOf[$0] }.max() ?? 0
            let names = clash.actions.map(\.rawValue).joined(separator: " and ")
            throw ConfigError(description: "\(file) line \(number): \(KeyName.display(clash.key)) is bound to both \(names)")
        }
        return table
    }
}
