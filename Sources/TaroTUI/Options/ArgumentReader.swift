/// The one option loop every command shares (the TUI's launch options,
/// `get`/`upload`/`request`, the remote commands): it walks the words,
/// telling options from operands, and hands each option its value. What
/// each option means stays with the command.
///
/// An option is a word starting with "-" other than "-" itself (which names
/// stdin); after "--" every word is an operand. A value is the next word,
/// whatever it looks like, so `-o -x` names a file "-x".
public struct ArgumentReader {
    public enum Word: Equatable {
        case option(String)
        case operand(String)
    }

    private let words: [String]
    private var index = 0
    private var operandsOnly = false

    public init(_ words: [String]) {
        self.words = words
    }

    /// The next option or operand; nil when the words are used up.
    public mutating func next() -> Word? {
        while index < words.count {
            let word = words[index]
            index += 1
            if operandsOnly { return .operand(word) }
            if word == "--" {
                operandsOnly = true
                continue
            }
            return word.hasPrefix("-") && word.count > 1 ? .option(word) : .operand(word)
        }
        return nil
    }

    /// The value of `option`, just read by `next()`.
    public mutating func value(of option: String) throws -> String {
        guard index < words.count else { throw UsageError(description: "\(option) needs a value") }
        index += 1
        return words[index - 1]
    }
}
