import TaroTUI

/// The key decoder, fed 32-bit codes as `wget_wch` returns them: it never
/// traps, and a printable key it makes is never a control character
/// (that would reach the prompt and the screen raw).
enum KeyDecoderInvariant {
    static func check(_ bytes: [UInt8]) {
        var index = 0
        while index + 4 <= bytes.count {
            let raw = bytes[index..<index + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            index += 4
            if case .character(let scalar)? = KeyDecoder.character(raw),
               scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                violated("control U+\(String(scalar.value, radix: 16)) decoded as a character")
            }
            _ = KeyDecoder.functionKey(Int32(bitPattern: raw))
        }
    }
}
