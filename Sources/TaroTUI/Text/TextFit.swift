/// Fitting already-sanitized text into a number of columns, measuring with
/// `DisplayWidth` so wide characters are never cut in half.
enum TextFit {
    /// The longest prefix that fits in `width` columns, with `ellipsis`
    /// appended when something was cut.
    static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if text.utf8.count <= width && text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        let total = DisplayWidth.of(text)
        if total <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard width > ellipsisWidth else { return prefix(of: text, width: width) }
        return prefix(of: text, width: width - ellipsisWidth) + ellipsis
    }

    /// Keeps the start and the end (where names keep their extension and
    /// their distinguishing numbers) and puts the ellipsis in the middle.
    static func truncateMiddle(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        let total = DisplayWidth.of(text)
        if total <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard width > ellipsisWidth + 2 else { return truncate(text, to: width, ellipsis: ellipsis) }
        // Columns one side cannot use (a wide character did not fit) go to
        // the other side.
        let room = width - ellipsisWidth
        var tail = suffix(of: text, width: room / 2)
        let head = prefix(of: text, width: room - DisplayWidth.of(tail))
        tail = suffix(of: text, width: room - DisplayWidth.of(head))
        return head + ellipsis + tail
    }

    /// Splits into lines of at most `width` columns, breaking anywhere: the
    /// header pane shows values verbatim, so no word is reflowed or hyphenated.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = String()
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width && used > 0 {
                lines.append(current)
                current = String()
                used = 0
            }
            current.append(character)
            used += w
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Pads with spaces on the left to exactly `width` columns (or truncates).
    static func rightAligned(_ text: String, width: Int) -> String {
        let w = DisplayWidth.of(text)
        if w >= width { return truncate(text, to: width, ellipsis: "") }
        return String(repeating: " ", count: width - w) + text
    }

    static func prefix(of text: String, width: Int) -> String {
        var result = String()
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            result.append(character)
            used += w
        }
        return result
    }

    static func suffix(of text: String, width: Int) -> String {
        var characters: [Character] = []
        var used = 0
        for character in text.reversed() {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            characters.append(character)
            used += w
        }
        return String(characters.reversed())
    }
}
