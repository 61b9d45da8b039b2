import TaroNet

/// The `F` screen: every failed transfer with its reason, one a line,
/// scrollable; drawn over the list like the help screen. Lists all rows,
/// not only those a filter shows: it answers "what went wrong", whole.
enum FailuresView {
    static func failed(in items: ShownRows) -> [TransferSnapshot] {
        items.all.filter { $0.state == .failed }
    }

    static func draw(into buffer: inout ScreenBuffer, rows: Range<Int>, items: ShownRows, scroll: Int, glyphs: Glyphs) {
        guard let titleRow = rows.first else { return }
        let failures = failed(in: items)
        let titleStyle = CellStyle(bold: true, reverse: true)
        buffer.fill(row: titleRow, col: 0, width: buffer.size.cols, style: titleStyle)
        buffer.put(TextFit.truncate(" \(failures.count) failed" + glyphs.separator + "Esc closes this screen",
                                    to: buffer.size.cols, ellipsis: glyphs.ellipsis),
                   row: titleRow, col: 0, style: titleStyle)
        let body = rows.dropFirst()
        let first = min(max(0, scroll), max(0, failures.count - body.count))
        for (offset, row) in body.enumerated() {
            let index = first + offset
            guard index < failures.count else { break }
            let item = failures[index]
            let name = glyphs.safe(item.name, limit: 256)
            let reason = glyphs.safe(item.errorMessage ?? "failed", limit: 512)
            let x = buffer.put(TextFit.truncate(" " + name, to: buffer.size.cols / 2, ellipsis: glyphs.ellipsis),
                               row: row, col: 0, style: CellStyle(bold: true))
            buffer.put(TextFit.truncate("  " + reason, to: max(0, buffer.size.cols - x), ellipsis: glyphs.ellipsis),
                       row: row, col: x, style: CellStyle(role: .bad))
        }
    }
}
