/// Splits a command line into words as a POSIX shell does, for what a
/// pasted command uses: 'single quotes', "double quotes" with their few
/// backslash escapes, $'ANSI quotes' (some browsers write these), a
/// backslash outside quotes, and backslash-newline continuations. No
/// expansion happens: `$HOME` stays as written.
enum ShellWords {
    static func split(_ text: String) throws(CurlCommandParser.Failure) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var chars = Array(text.unicodeScalars)[...]
        func fail(_ what: String) -> CurlCommandParser.Failure { .init(description: what) }
        while let c = chars.popFirst() {
            switch c {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(word); word = ""; inWord = false }
            case "\\":
                guard let next = chars.popFirst() else { throw fail("the command ends in a lone backslash") }
                if next == "\r", chars.first == "\n" { chars.removeFirst(); continue }
                if next == "\n" || next == "\r" { continue }  // continuation
                word.unicodeScalars.append(next)
                inWord = true
            case "'":
                inWord = true
                guard let end = chars.firstIndex(of: "'") else { throw fail("a ' quote is not closed") }
                word.unicodeScalars.append(contentsOf: chars[..<end])
                chars = chars[(end + 1)...]
            case "\"":
                inWord = true
                var closed = false
                while let q = chars.popFirst() {
                    if q == "\"" { closed = true; break }
                    if q == "\\", let next = chars.first, "$`\"\\\n".unicodeScalars.contains(next) {
                        chars.removeFirst()
                        if next != "\n" { word.unicodeScalars.append(next) }
                        continue
                    }
                    word.unicodeScalars.append(q)
                }
                guard closed else { throw fail("a \" quote is not closed") }
            case "$" where chars.first == "'":
                chars.removeFirst()
                inWord = true
                var closed = false
                while let q = chars.popFirst() {
                    if q == "'" { closed = true; break }
                    guard q == "\\", let next = chars.popFirst() else { word.unicodeScalars.append(q); continue }
                    word.unicodeScalars.append(contentsOf: ansiEscape(next, &chars))
                }
                guard closed else { throw fail("a $' quote is not closed") }
            default:
                word.unicodeScalars.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// What `\` + `c` stands for inside $'…', as bash reads it; the digits
    /// of \x, \u, \U and octal escapes are taken from `rest`. Chrome's
    /// "Copy as cURL" writes "!", control and non-ASCII characters as \uHHHH
    /// (older versions as \xHH, the character's code): each is that
    /// character. An unknown escape stays as written, backslash included.
    private static func ansiEscape(_ c: Unicode.Scalar, _ rest: inout ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        func number(radix: UInt32, upTo count: Int) -> UInt32? {
            var value: UInt32 = 0
            var taken = 0
            while taken < count, let digit = rest.first.flatMap({ Character($0).hexDigitValue }), UInt32(digit) < radix {
                value = value * radix + UInt32(digit)
                rest.removeFirst()
                taken += 1
            }
            return taken > 0 ? value : nil
        }
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "a": "\u{07}", "b": "\u{08}", "e": "\u{1B}", "E": "\u{1B}", "f": "\u{0C}", "n": "\n", "r": "\r",
            "t": "\t", "v": "\u{0B}", "\\": "\\", "'": "'", "\"": "\"", "?": "?",
        ]
        if let scalar = simple[c] { return [scalar] }
        let code: UInt32?
        switch c {
        case "x": code = number(radix: 16, upTo: 2)
        case "u": code = number(radix: 16, upTo: 4)
        case "U": code = number(radix: 16, upTo: 8)
        case "0"..."7":
            rest.insert(c, at: rest.startIndex)
            code = number(radix: 8, upTo: 3)
        default: code = nil
        }
        guard let code, let scalar = Unicode.Scalar(code) else { return ["\\", c] }
        return [scalar]
    }
}
