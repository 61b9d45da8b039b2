/// Keys that arrived together (read without waiting between them), and the
/// one thing that makes such a burst different from typing: a paste from a
/// terminal without bracketed paste. It arrives as characters with Enter
/// where its line breaks were, and each Enter would accept a prompt with
/// half the paste in it.
///
/// The rule, applied while a prompt is open: a run of characters and
/// Enters in one burst in which an Enter is followed by more text is a
/// paste, Enters included. A burst that only ends with Enter (type a URL,
/// press Enter, the program was busy) is typing and Enter accepts. A person
/// cannot type a line break and more text inside one read, so nothing
/// typed is taken for a paste.
enum KeyBurst {
    /// The paste that starts at `keys[start]`, and the index after it, or
    /// nil when the keys from `start` are typing.
    static func paste(in keys: [Key], from start: Int) -> (text: String, end: Int)? {
        var text = ""
        var sawBreak = false
        var textAfterBreak = false
        var index = start
        scan: while index < keys.count {
            switch keys[index] {
            case .character(let scalar):
                text.unicodeScalars.append(scalar)
                if sawBreak { textAfterBreak = true }
            case .enter:
                text += "\n"
                sawBreak = true
            case .tab:
                text += "\t"
            default:
                break scan
            }
            index += 1
        }
        return textAfterBreak ? (text, index) : nil
    }
}
