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
                    switch next {
                    case "n": word += "\n"
                    case "t": word += "\t"
                    case "r": word += "\r"
                    default: word.unicodeScalars.append(next)
                    }
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
}
