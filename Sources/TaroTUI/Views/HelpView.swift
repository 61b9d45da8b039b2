/// The `?` screen: every key, scrollable when the terminal is short.
enum HelpView {
    static let keyColumn = 15

    static func lines(_ table: KeyTable) -> [StyledLine] {
        var out: [StyledLine] = []
        for section in KeyHelp.sections(for: table) {
            if !out.isEmpty { out.append(StyledLine("")) }
            out.append(StyledLine(section.title, style: CellStyle(bold: true, role: .accent)))
            for entry in section.entries {
                out.append(StyledLine("  " + entry.keys.padding(to: keyColumn) + entry.action))
            }
        }
        return out
    }

    static func draw(into buffer: inout ScreenBuffer, rows: Range<Int>, scroll: Int, keys: KeyTable, glyphs: Glyphs) {
        guard let titleRow = rows.first else { return }
        let lines = lines(keys)
        let body = rows.dropFirst()
        // On a short terminal the rest is below: say how to reach it, since
        // every key but the moving ones closes the screen.
        let paging = lines.count > body.count ? "Space pages" + glyphs.separator : ""
        let titleStyle = CellStyle(bold: true, reverse: true)
        buffer.fill(row: titleRow, col: 0, width: buffer.size.cols, style: titleStyle)
        buffer.put(TextFit.truncate(" taro-tui keys" + glyphs.separator + paging + "any other key closes this screen",
                                    to: buffer.size.cols, ellipsis: glyphs.ellipsis),
                   row: titleRow, col: 0, style: titleStyle)
        let first = min(max(0, scroll), max(0, lines.count - body.count))
        for (offset, row) in body.enumerated() {
            let index = first + offset
            guard index < lines.count else { break }
            let line = lines[index]
            buffer.put(TextFit.truncate(line.text, to: buffer.size.cols, ellipsis: glyphs.ellipsis),
                       row: row, col: 0, style: line.style)
        }
    }
}
