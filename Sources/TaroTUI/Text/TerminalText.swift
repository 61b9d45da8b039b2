/// Makes server-controlled text safe to put in front of a terminal.
///
/// Headers, reason phrases, URLs, file names and error bodies come from the
/// network. Written raw they could clear the screen (`ESC[2J`), set the window
/// title or the clipboard (OSC 0 / OSC 52), move the cursor with `\r` or `\b`,
/// reach a C1 control through an 8-bit terminal, or reorder what the user sees
/// with bidi overrides. Every such character is shown as a visible escape
/// instead: `\e`, `\r`, `\x07`, `\u{9b}`, `\u{202e}`; bytes that are not UTF-8
/// are shown as `\xNN`.
public enum TerminalText {
    /// Escapes a string. `asciiOnly` also escapes everything outside ASCII, for
    /// terminals whose locale cannot show it. Output stops after roughly
    /// `limit` scalars, so a megabyte error body costs no more than a line.
    public static func sanitize(_ text: String, asciiOnly: Bool = false, limit: Int = 4096) -> String {
        if isPlainASCII(text, limit: limit) { return text }
        var output = String()
        output.reserveCapacity(min(text.utf8.count, limit) + 8)
        var count = 0
        var previousWasBase = false
        for scalar in text.unicodeScalars {
            if count >= limit { break }
            append(scalar, to: &output, asciiOnly: asciiOnly, previousWasBase: &previousWasBase)
            count += 1
        }
        return output
    }

    /// Escapes raw bytes: valid UTF-8 is treated as `sanitize(String)` does,
    /// every byte that is not part of a valid sequence becomes `\xNN`.
    public static func sanitize(bytes: [UInt8], asciiOnly: Bool = false, limit: Int = 4096) -> String {
        var output = String()
        var previousWasBase = false
        var index = 0
        var count = 0
        while index < bytes.count && count < limit {
            if let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: index) {
                append(scalar, to: &output, asciiOnly: asciiOnly, previousWasBase: &previousWasBase)
                index += length
            } else {
                output += "\\x" + hex(UInt32(bytes[index]), minimumDigits: 2)
                previousWasBase = true
                index += 1
            }
            count += 1
        }
        return output
    }

    /// True when the scalar would be escaped: it must never reach a cell raw.
    public static func needsEscape(_ scalar: Unicode.Scalar, asciiOnly: Bool = false) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return false }
        if v < 0x20 || v == 0x7F || (v >= 0x80 && v <= 0x9F) { return true }
        if asciiOnly { return true }
        if v == 0x200C || v == 0x200D { return false }   // joiners shape emoji and Indic text
        if v == 0xFFFD { return true }                   // stands for bytes already lost
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .surrogate:
            return true   // bidi controls, invisible marks, line breaks
        default:
            return false
        }
    }

    private static func isPlainASCII(_ text: String, limit: Int) -> Bool {
        var count = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F { return false }
            count += 1
            if count > limit { return false }
        }
        return true
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout String, asciiOnly: Bool,
                               previousWasBase: inout Bool) {
        if needsEscape(scalar, asciiOnly: asciiOnly) {
            output += escape(scalar)
            previousWasBase = true
            return
        }
        // A combining mark with nothing to combine with would have no cell of
        // its own; show it escaped rather than let it sit on a space.
        if DisplayWidth.of(scalar) == 0 && !previousWasBase {
            output += escape(scalar)
            previousWasBase = true
            return
        }
        output.unicodeScalars.append(scalar)
        previousWasBase = scalar != " "
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x08: return "\\b"
        case 0x1B: return "\\e"
        case 0x00...0x1F, 0x7F: return "\\x" + hex(scalar.value, minimumDigits: 2)
        default: return "\\u{" + hex(scalar.value, minimumDigits: 1) + "}"
        }
    }

    private static func hex(_ value: UInt32, minimumDigits: Int) -> String {
        let digits = String(value, radix: 16)
        return digits.count >= minimumDigits ? digits : String(repeating: "0", count: minimumDigits - digits.count) + digits
    }
}
