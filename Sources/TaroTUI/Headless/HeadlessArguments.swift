import Foundation

/// A small getopt for the headless commands: flags with values, repeatable
/// flags, and positional arguments, with errors a person can act on.
struct HeadlessArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []
    /// Every option as given, in order (values nil for switches).
    private(set) var ordered: [(flag: String, value: String?)] = []

    /// `withValue`: options followed by a value; `switches`: options that stand alone.
    init(_ args: [String], withValue: Set<String>, switches: Set<String>) throws {
        var reader = ArgumentReader(args)
        while let word = reader.next() {
            switch word {
            case .operand(let arg):
                positional.append(arg)
            case .option(let arg) where withValue.contains(arg):
                let value = try reader.value(of: arg)
                values[arg, default: []].append(value)
                ordered.append((arg, value))
            case .option(let arg) where switches.contains(arg):
                flags.insert(arg)
                ordered.append((arg, nil))
            case .option(let arg):
                throw UsageError(description: "unknown option \(arg)")
            }
        }
    }

    /// The shared network options: the config file's, then these.
    func wireFlags() throws -> WireFlags {
        try WireFlags.resolve(ordered.filter { WireFlags.knows($0.flag) })
    }

    func last(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = last(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError(description: "\(name) wants a number from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return n
    }

    /// `--limit-rate 2M` and the rest of `RateFlags`, the last of each winning.
    func rateFlags() throws -> RateFlags {
        var flags = RateFlags()
        for name in RateFlags.withValue {
            guard let value = last(name) else { continue }
            do {
                _ = try flags.take(name, value)
            } catch {
                throw UsageError(description: "\(error)")
            }
        }
        return flags
    }

    /// `-H 'Name: value'` → ["Name": "value"].
    func headers() throws -> [String: String] {
        var result: [String: String] = [:]
        for line in all("-H") {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw UsageError(description: "-H wants 'Name: value', not \(line)")
            }
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            result[name] = value
        }
        return result
    }
}
