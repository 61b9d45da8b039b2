import Foundation

/// Just enough JSON writing for the echo and upload answers, with every
/// control character escaped so hostile header bytes survive the trip.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func optionalString(_ text: String?) -> String {
        text.map(string) ?? "null"
    }

    /// An object with string values, keys sorted for stable output.
    static func object(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { "\(string($0)):\(string(fields[$0]!))" }.joined(separator: ",") + "}"
    }
}
