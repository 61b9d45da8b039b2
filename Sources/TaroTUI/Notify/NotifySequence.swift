/// The bytes that ask the terminal for attention. Everything between the
/// introducer and the terminator is reduced to printable ASCII without `;`
/// (a URL or a file name that carried ESC or BEL would otherwise end the
/// sequence early and have the rest read as commands).
public enum NotifySequence {
    /// Longest text put into a sequence; notifications are a line, not a log.
    static let limit = 200

    public static func bytes(for mode: NotifyMode, title: String, body: String) -> String {
        switch mode {
        case .off: return ""
        case .bell: return "\u{07}"
        case .osc9: return "\u{1b}]9;\(clean(title + ": " + body))\u{07}"
        case .osc777: return "\u{1b}]777;notify;\(clean(title));\(clean(body))\u{07}"
        }
    }

    /// Sets the window and icon title (OSC 0).
    public static func title(_ text: String) -> String {
        "\u{1b}]0;\(clean(text, keepUnicode: true))\u{07}"
    }

    /// Printable text only: controls (C0, DEL, C1) become spaces, `;` a comma
    /// (it separates OSC 777's fields), and outside the title, anything
    /// beyond ASCII becomes `?`, as not every terminal decodes UTF-8 there.
    static func clean(_ text: String, keepUnicode: Bool = false) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { break }
            count += 1
            switch scalar.value {
            case 0..<0x20, 0x7f..<0xa0: out += " "
            case 0x3b: out += ","
            case 0x20..<0x7f: out.unicodeScalars.append(scalar)
            default:
                // Bidi controls could reorder what the title shows.
                if !keepUnicode || TerminalText.needsEscape(scalar) { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
