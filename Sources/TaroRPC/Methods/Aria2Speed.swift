/// aria2's speed values (`max-download-limit`, `max-overall-download-limit`):
/// bytes per second as a whole number with an optional K or M suffix
/// (1K = 1024), "0" for none; answered back the same way, as aria2 does.
enum Aria2Speed {
    static func parse(_ text: String, option: String) throws -> Int64 {
        var digits = Substring(text)
        var unit: Int64 = 1
        switch digits.last {
        case "k", "K": unit = 1024; digits = digits.dropLast()
        case "m", "M": unit = 1024 * 1024; digits = digits.dropLast()
        default: break
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(digits),
              value <= Int64.max / unit else {
            throw RPCError("\(option) must be a number of bytes per second, with K or M (1K = 1024): not \(text)")
        }
        return value * unit
    }

    static func format(_ bytesPerSecond: Int64) -> String {
        String(bytesPerSecond)
    }
}
