import TaroNet

/// The list: a heading and one row per visible transfer. Only the rows on
/// screen are laid out, so the cost of a frame does not grow with the queue.
enum TransferListView {
    static func drawHeading(into buffer: inout ScreenBuffer, row: Int, columns: TransferColumns,
                            order: RowOrder, glyphs: Glyphs) {
        let style = CellStyle(bold: true, reverse: true)
        buffer.fill(row: row, col: 0, width: buffer.size.cols, style: style)
        // The sorted column carries the direction ("SPEED↓"); an order with
        // no column of its own (added, a reversed queue) or whose column is
        // hidden on a narrow screen is named after NAME instead.
        let arrow = order.descending ? (glyphs.isASCII ? "v" : "↓") : (glyphs.isASCII ? "^" : "↑")
        func label(_ text: String, _ key: RowOrder.Key) -> String { order.key == key ? text + arrow : text }
        var shownKeys: Set<RowOrder.Key> = [.name, .progress, .state]
        if columns.sizeX != nil { shownKeys.insert(.size) }
        if columns.speedX != nil { shownKeys.insert(.speed) }
        var name = label("NAME", .name)
        if !order.isQueueOrder && !shownKeys.contains(order.key) { name += " (\(order.key.rawValue)\(arrow))" }
        buffer.put(name, row: row, col: columns.nameX, maxWidth: columns.nameWidth, style: style)
        if columns.barWidth > 0 {
            buffer.put("PROGRESS", row: row, col: columns.barX, maxWidth: columns.barWidth, style: style)
        }
        buffer.put(TextFit.rightAligned(label("%", .progress), width: TransferColumns.percentWidth),
                   row: row, col: columns.percentX, style: style)
        if let x = columns.sizeX {
            buffer.put(TextFit.rightAligned(label("SIZE", .size), width: TransferColumns.sizeWidth), row: row, col: x,
                       style: style)
        }
        if let x = columns.speedX {
            buffer.put(TextFit.rightAligned(label("SPEED", .speed), width: TransferColumns.speedWidth), row: row,
                       col: x, style: style)
        }
        if let x = columns.etaX {
            buffer.put(TextFit.rightAligned("ETA", width: TransferColumns.etaWidth), row: row, col: x, style: style)
        }
        buffer.put(label("STATE", .state), row: row, col: columns.stateX, style: style)
    }

    /// Draws the visible rows, taking from `cache` each row whose transfer
    /// and look are what the last frame drew there, and keeping every row
    /// drawn there for the next frame.
    static func draw(into buffer: inout ScreenBuffer, items: ShownRows, rows: Range<Int>,
                     state: AppState, glyphs: Glyphs, cache: inout ListRowCache) {
        guard !rows.isEmpty else { return }
        if items.isEmpty {
            let hint = state.filter.isEmpty
                ? "No transfers yet. Press \(state.keys.primary(.add)) to download a URL, "
                    + "\(state.keys.primary(.upload)) to upload a file, \(state.keys.primary(.help)) for help."
                : "No transfer matches \(glyphs.safe(state.filter, limit: 200)). "
                    + "\(state.keys.primary(.back)) clears the filter."
            buffer.put(TextFit.truncate(hint, to: buffer.size.cols - 1, ellipsis: glyphs.ellipsis),
                       row: rows.lowerBound, col: 1, style: CellStyle(role: .muted))
            return
        }
        let columns = TransferColumns(width: buffer.size.cols)
        let scroll = visibleScroll(state: state, count: items.count, height: rows.count)
        for (offset, row) in rows.enumerated() {
            let index = scroll + offset
            guard index < items.count else { break }
            // One copy of the row, moved into its key and drawn from there.
            let item = items[index]
            let id = item.id
            let selected = index == state.selectedIndex && id == state.selectedID
            let key = ListRowCache.Key(item: consume item, selected: selected, marked: state.marked.contains(id),
                                       focused: state.focus == .list)
            if let cells = cache.row(row, for: key) {
                buffer.setRow(row, cells)
            } else {
                TransferRowView.draw(key.item, into: &buffer, row: row, columns: columns,
                                     selected: selected, marked: key.marked, keys: state.keys, glyphs: glyphs)
                if selected {
                    let bold = key.focused
                    buffer.restyle(row: row, col: 0, width: buffer.size.cols) { style in
                        style.reverse = true
                        if bold { style.bold = true }
                    }
                }
            }
            cache.keep(row, key: key, cells: buffer.row(row))
        }
    }

    /// The reducer keeps the selection in view; this only guards against a
    /// state that was not reconciled with the latest list.
    static func visibleScroll(state: AppState, count: Int, height: Int) -> Int {
        var scroll = min(max(0, state.listScroll), max(0, count - height))
        if state.selectedIndex < count {
            if state.selectedIndex < scroll { scroll = state.selectedIndex }
            if state.selectedIndex >= scroll + height { scroll = state.selectedIndex - height + 1 }
        }
        return max(0, scroll)
    }
}
