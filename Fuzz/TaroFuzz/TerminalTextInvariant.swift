import TaroTUI

/// The terminal-text escaper: whatever the input, as bytes or as a string,
/// plain or ASCII-only, the escaped text holds no ESC, no other C0 control,
/// no DEL and no C1 character, and no ESC byte at all. (A raw 0x80–0x9F
/// byte is fine: in UTF-8 it is only ever a continuation byte.)
enum TerminalTextInvariant {
    static func check(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for asciiOnly in [false, true] {
            verify(TerminalText.sanitize(bytes: bytes, asciiOnly: asciiOnly))
            verify(TerminalText.sanitize(text, asciiOnly: asciiOnly))
        }
    }

    private static func verify(_ escaped: String) {
        for scalar in escaped.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) {
                violated("U+\(String(v, radix: 16)) left in \(escaped.debugDescription)")
            }
        }
        for byte in escaped.utf8 where byte == 0x1B {
            violated("byte \(byte) in \(escaped.debugDescription)")
        }
    }
}
