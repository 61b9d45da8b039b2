import Foundation

/// Rates as curl writes them: a number of bytes per second with an optional
/// suffix k, m or g (powers of 1024, either case), "2M", "512k", "1.5G";
/// 0 means no limit. `format` writes the same form back.
public enum RateText {
    public struct Invalid: Error, CustomStringConvertible {
        public let text: String
        public var description: String {
            "not a rate: \(text) (bytes per second, with k, m or g for 1024, 1024² or 1024³: 2M, 512k; 0 for none)"
        }
    }

    public static func parse(_ text: String) throws(Invalid) -> Int64 {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        var unit: Double = 1
        switch digits.last.map({ Character($0.lowercased()) }) {
        case "k": unit = 1024
        case "m": unit = 1024 * 1024
        case "g": unit = 1024 * 1024 * 1024
        default: break
        }
        if unit > 1 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value.isFinite, value * unit < 1e15 else {
            throw Invalid(text: text)
        }
        return Int64(value * unit)
    }

    /// "2M", "512K", "1.5M", "100"; "none" for 0.
    public static func format(_ bytesPerSecond: Int64) -> String {
        guard bytesPerSecond > 0 else { return "none" }
        for (unit, suffix) in [(Int64(1) << 30, "G"), (Int64(1) << 20, "M"), (Int64(1) << 10, "K")]
        where bytesPerSecond >= unit {
            let value = Double(bytesPerSecond) / Double(unit)
            return value == value.rounded() ? "\(Int64(value))\(suffix)" : "\((value * 10).rounded() / 10)\(suffix)"
        }
        return "\(bytesPerSecond)"
    }
}
