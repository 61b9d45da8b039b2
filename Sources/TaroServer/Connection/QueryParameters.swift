/// The query string of a scripted URL. Values are percent-decoded to raw
/// bytes (not necessarily UTF-8) so routes can emit hostile header bytes
/// exactly. '+' is kept literally: scripts write spaces as %20.
struct QueryParameters {
    private var pairs: [(name: String, value: [UInt8])] = []

    init(_ query: Substring) {
        for component in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = component.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: Self.percentDecoded(parts[0]), as: UTF8.self)
            let value = parts.count > 1 ? Self.percentDecoded(parts[1]) : []
            pairs.append((name, value))
        }
    }

    /// The first value of `name`, decoded bytes.
    func bytes(_ name: String) -> [UInt8]? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order (for repeatable parameters such as `h`).
    func allBytes(_ name: String) -> [[UInt8]] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    func string(_ name: String) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    func int(_ name: String) -> Int64? {
        string(name).flatMap { Int64($0) }
    }

    func uint(_ name: String) -> UInt64? {
        string(name).flatMap { UInt64($0) }
    }

    /// Present with any value but "0"/"false" (so both `x=1` and a bare `x` count).
    func flag(_ name: String) -> Bool {
        guard let value = string(name) else { return false }
        return value != "0" && value != "false"
    }

    static func percentDecoded(_ text: Substring) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(utf8[index])
                index += 1
            }
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
