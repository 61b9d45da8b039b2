import TaroNet

/// The pure render layer: state + transfers + totals + size in, a full frame
/// out. Nothing here touches the terminal, so every screen can be
/// snapshot-tested. Only the rows on screen are read, and the totals come
/// ready-made, so a frame costs the same at 10 rows and at 100,000.
public enum ScreenRenderer {
    public static func render(_ state: AppState, items: TransferRows, totals: TransferTotals,
                              size: TerminalSize) -> ScreenBuffer {
        render(state, items: ShownRows(items), totals: totals, size: size)
    }

    public static func render(_ state: AppState, items: ShownRows, totals: TransferTotals,
                              size: TerminalSize) -> ScreenBuffer {
        var cache = ListRowCache()
        return render(state, items: items, totals: totals, size: size, cache: &cache)
    }

    /// A frame that takes from `cache` the list rows the last frame drew
    /// from the same transfer and look (see ListRowCache), and leaves this
    /// frame's rows there for the next.
    static func render(_ state: AppState, items: ShownRows, totals: TransferTotals, size: TerminalSize,
                       cache: inout ListRowCache) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        cache.begin(rows: size.rows, context: ListRowCache.Context(cols: size.cols, asciiOnly: state.asciiOnly,
                                                                   keys: state.keys))
        defer { cache.end() }
        guard size.rows > 0, size.cols > 0 else { return buffer }
        let glyphs = Glyphs.forASCII(state.asciiOnly)
        let layout = ScreenLayout(size: size, paneOpen: state.paneOpen)

        if state.helpVisible {
            HelpView.draw(into: &buffer, rows: layout.helpRows, scroll: state.helpScroll, keys: state.keys, glyphs: glyphs)
        } else if state.failuresVisible {
            FailuresView.draw(into: &buffer, rows: layout.helpRows, items: items, scroll: state.failuresScroll,
                              glyphs: glyphs)
        } else {
            if let row = layout.headingRow {
                if let cells = cache.heading(row, order: state.order) {
                    buffer.setRow(row, cells)
                } else {
                    TransferListView.drawHeading(into: &buffer, row: row, columns: TransferColumns(width: size.cols),
                                                 order: state.order, glyphs: glyphs)
                }
                cache.keepHeading(row, order: state.order, cells: buffer.row(row))
            }
            TransferListView.draw(into: &buffer, items: items, rows: layout.listRows, state: state, glyphs: glyphs,
                                  cache: &cache)
            if let titleRow = layout.paneTitleRow {
                let item = state.selectedItem(in: items)
                let history = state.rateHistory
                HeaderPaneView.draw(into: &buffer, item: item, titleRow: titleRow,
                                    rows: layout.paneRows, scroll: state.paneScroll,
                                    focused: state.focus == .pane, glyphs: glyphs,
                                    rates: item != nil && item?.id == history.selectedID ? history.selected.samples : [])
            }
        }
        if let row = layout.totalsRow {
            FooterView.drawTotals(into: &buffer, row: row, totals: totals, state: state, shown: items.count,
                                  glyphs: glyphs)
        }
        if let row = layout.bottomRow {
            if let prompt = state.prompt {
                PromptView.draw(into: &buffer, row: row, prompt: prompt, glyphs: glyphs)
            } else {
                FooterView.drawBottom(into: &buffer, row: row, state: state, glyphs: glyphs)
            }
        }
        return buffer
    }
}
