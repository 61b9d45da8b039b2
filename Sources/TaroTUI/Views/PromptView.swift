/// The prompt on the bottom line: a label, the text being typed, and a
/// reverse-video cursor. When the text is longer than the line, it scrolls
/// horizontally so the cursor stays visible.
enum PromptView {
    static func draw(into buffer: inout ScreenBuffer, row: Int, prompt: Prompt, glyphs: Glyphs) {
        let cols = buffer.size.cols
        guard cols > 0 else { return }
        buffer.fill(row: row, col: 0, width: cols, style: .plain)
        var label = prompt.label
        if cols - DisplayWidth.of(label) < 8 { label = "" }
        let x0 = buffer.put(label, row: row, col: 0, style: CellStyle(bold: true, role: .accent))
        let available = cols - x0
        guard available > 1 else { return }
        let characters = prompt.editor.characters.map { glyphs.isASCII ? glyphs.safe(String($0)) : String($0) }
        let widths = characters.map { max(1, DisplayWidth.of($0)) }
        let cursor = prompt.editor.cursor
        // Leave room for the cursor cell itself after the characters before it.
        var start = 0
        var beforeCursor = widths[0..<cursor].reduce(0, +)
        while beforeCursor > available - 1 && start < cursor {
            beforeCursor -= widths[start]
            start += 1
        }
        var x = x0
        var index = start
        while index < characters.count {
            if x + widths[index] > cols { break }
            let style = index == cursor ? CellStyle(reverse: true) : CellStyle.plain
            x += buffer.put(characters[index], row: row, col: x, maxWidth: cols - x, style: style)
            index += 1
        }
        if cursor == characters.count && x < cols {
            buffer.put(" ", row: row, col: x, style: CellStyle(reverse: true))
        }
    }
}
