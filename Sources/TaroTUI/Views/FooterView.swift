import TaroNet

/// The two bottom lines: totals over the queue, then either the last message,
/// the quit question, or key hints. (An open prompt takes the bottom line
/// instead; see PromptView.) The totals are the controller's, kept up to
/// date as transfers change: the rate and ETA are bytes and completions over
/// a sliding window, right for one big file and for thousands of tiny ones.
enum FooterView {
    /// Cells for the queue's sparkline: half a minute at a glance.
    static let sparklineWidth = 30

    static func drawTotals(into buffer: inout ScreenBuffer, row: Int, totals: TransferTotals,
                           state: AppState, shown: Int, glyphs: Glyphs) {
        // Segments in display order with a priority: on a narrow screen the
        // least useful ones are left out rather than the line cut mid-word.
        var segments: [(text: String, priority: Int, style: CellStyle)] = []
        if !state.marked.isEmpty {
            segments.append(("\(CountFormat.grouped(state.marked.count)) marked", 0, CellStyle(bold: true, role: .warning)))
        }
        if !state.filter.isEmpty {
            segments.append(("\(CountFormat.grouped(shown)) of \(CountFormat.grouped(totals.count)) shown", 0,
                             CellStyle(bold: true, role: .warning)))
        }
        if let imported = state.importing {
            let dots = glyphs.isASCII ? "..." : "…"
            segments.append(("importing\(dots) \(CountFormat.grouped(imported)) URLs", 0,
                             CellStyle(bold: true, role: .warning)))
        }
        segments += [
            ("\(totals.active) active", 0, CellStyle(bold: true, role: .accent)),
            ("\(totals.queued) queued", 3, .plain),
        ]
        if totals.paused > 0 { segments.append(("\(totals.paused) paused", 6, CellStyle(role: .warning))) }
        segments.append(("\(totals.done) done", 5, CellStyle(role: .good)))
        segments.append(("\(totals.failed) failed", 4, CellStyle(role: totals.failed > 0 ? .bad : .normal)))
        if totals.aborted > 0 { segments.append(("\(totals.aborted) aborted", 7, .plain)) }
        if totals.saved > 0 { segments.append(("\(totals.saved) saved", 7, CellStyle(role: .warning))) }
        segments.append((ByteFormat.rate(totals.bytesPerSecond), 1, CellStyle(bold: true)))
        if totals.unfinished > 0 {
            var eta = totals.secondsRemaining.map { "ETA " + DurationFormat.eta($0) } ?? "ETA ?"
            // Some total is unknown: the estimate is a lower bound.
            if totals.secondsRemaining != nil && totals.unknownTotals > 0 { eta += "+" }
            segments.append((eta, 2, .plain))
        }
        segments.append(("limit \(state.concurrencyLimit)", 8, CellStyle(role: .muted)))
        if state.rateLimits != .none {
            var caps: [String] = []
            if state.rateLimits.download > 0 { caps.append(glyphs.download + RateText.format(state.rateLimits.download) + "/s") }
            if state.rateLimits.upload > 0 { caps.append(glyphs.upload + RateText.format(state.rateLimits.upload) + "/s") }
            segments.append(("max " + caps.joined(separator: " "), 2, CellStyle(role: .warning)))
        }
        if let port = state.rpcPort { segments.append(("RPC :\(port)", 5, CellStyle(role: .accent))) }
        // The last minute of the queue's rate, last to be given room.
        let history = state.rateHistory.queue.samples
        if history.contains(where: { $0 > 0 }) {
            segments.append((Sparkline.render(history, width: min(history.count, sparklineWidth),
                                              asciiOnly: glyphs.isASCII), 9, CellStyle(role: .accent)))
        }

        let chosen = fit(segments.map { ($0.text, $0.priority) }, width: buffer.size.cols - 1,
                         separatorWidth: DisplayWidth.of(glyphs.separator))
        var x = 1
        var first = true
        for (index, segment) in segments.enumerated() where chosen.contains(index) {
            if !first { x += buffer.put(glyphs.separator, row: row, col: x, style: CellStyle(role: .muted)) }
            x += buffer.put(segment.text, row: row, col: x, style: segment.style)
            first = false
        }
    }

    static func drawBottom(into buffer: inout ScreenBuffer, row: Int, state: AppState, glyphs: Glyphs) {
        let cols = buffer.size.cols
        if let message = state.message {
            let style: CellStyle
            switch message.kind {
            case .info: style = .plain
            case .error: style = CellStyle(bold: true, role: .bad)
            case .question: style = CellStyle(bold: true, reverse: true, role: .warning)
            }
            let text = TextFit.truncate(glyphs.safe(message.text, limit: 1024), to: cols - 1, ellipsis: glyphs.ellipsis)
            if message.kind == .question { buffer.fill(row: row, col: 0, width: cols, style: style) }
            buffer.put(text, row: row, col: message.kind == .question ? 0 : 1, style: style)
            return
        }
        drawHints(into: &buffer, row: row, state: state, glyphs: glyphs)
    }

    private static func drawHints(into buffer: inout ScreenBuffer, row: Int, state: AppState, glyphs: Glyphs) {
        // The key table says which actions have a hint and under what key.
        var hints: [(key: String, action: String, priority: Int)] = []
        for action in Action.footerOrder {
            guard let footer = action.footer, !footer.onlyWithPane || state.paneOpen else { continue }
            var key = state.keys.primary(action, enter: glyphs.enterKey)
            if let other = footer.pairedWith { key += "/" + state.keys.primary(other, enter: glyphs.enterKey) }
            hints.append((key, footer.label, footer.priority))
        }
        let chosen = fit(hints.map { ($0.key + " " + $0.action, $0.priority) }, width: buffer.size.cols - 1,
                         separatorWidth: 2)
        var x = 1
        var first = true
        for (index, hint) in hints.enumerated() where chosen.contains(index) {
            if !first { x += 2 }
            x += buffer.put(hint.key, row: row, col: x, style: CellStyle(bold: true, role: .accent))
            x += buffer.put(" " + hint.action, row: row, col: x, style: CellStyle(role: .muted))
            first = false
        }
    }

    /// Indices of the segments to show: highest priority (lowest number)
    /// first, as many as fit in `width` with separators between them.
    static func fit(_ segments: [(String, Int)], width: Int, separatorWidth: Int) -> Set<Int> {
        var chosen = Set<Int>()
        var used = 0
        let order = segments.indices.sorted { segments[$0].1 < segments[$1].1 }
        for index in order {
            let w = DisplayWidth.of(segments[index].0) + (chosen.isEmpty ? 0 : separatorWidth)
            if used + w <= width {
                chosen.insert(index)
                used += w
            }
        }
        return chosen
    }
}
