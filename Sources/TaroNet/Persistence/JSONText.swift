/// A JSON document written straight into bytes, for records whose shape is
/// known (`StoredTransfer.journalJSON`). The caller says where objects and
/// arrays open and close; commas are placed here.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// Whether the next key or element is the first of its container.
    private var first = true

    init() {
        bytes.reserveCapacity(256)
    }

    /// Opens an object, or an array.
    mutating func open(array: Bool = false) {
        bytes.append(array ? UInt8(ascii: "[") : UInt8(ascii: "{"))
        first = true
    }

    /// Closes the innermost object, or array.
    mutating func close(array: Bool = false) {
        bytes.append(array ? UInt8(ascii: "]") : UInt8(ascii: "}"))
        first = false
    }

    /// A key of the open object, with its colon.
    mutating func key(_ name: String) {
        separate()
        string(name)
        bytes.append(UInt8(ascii: ":"))
        first = true
    }

    /// The start of an element of the open array.
    mutating func element() {
        separate()
        first = true
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }

    mutating func int(_ value: Int64) {
        bytes.append(contentsOf: String(value).utf8)
        first = false
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        first = false
    }

    /// The shortest text that reads back as exactly `value`; false (and
    /// nothing written) for infinity and NaN, which JSON cannot hold.
    mutating func double(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        bytes.append(contentsOf: value.description.utf8)
        first = false
        return true
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
    }
}
