/// A strict UTF-8 decoder that reports where a sequence is invalid, so the
/// sanitizer can show each offending byte as `\xNN` instead of losing it in a
/// replacement character. Rejects overlong forms, surrogates and values past
/// U+10FFFF, as the Unicode standard requires.
enum UTF8Decoding {
    /// The scalar starting at `index` and its length in bytes, or nil when the
    /// byte at `index` does not start a well-formed sequence.
    static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        var lowest: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F); lowest = 0x80
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F); lowest = 0x800
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07); lowest = 0x10000
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= lowest, value <= 0x10FFFF, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
