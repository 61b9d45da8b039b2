import TaroNet

/// The pane under the list for the selected transfer: what was asked, every
/// response in the order received (redirect hops and 1xx included), where it
/// ended up and how long each phase took. Long values wrap; the pane scrolls.
enum HeaderPaneView {
    /// Every line of the pane for `item`, wrapped to `width` columns. The
    /// reducer counts these to bound scrolling; the renderer shows a window.
    static func lines(for item: TransferSnapshot, width: Int, glyphs: Glyphs) -> [StyledLine] {
        var wrapped: [StyledLine] = []
        for line in logicalLines(for: item, glyphs: glyphs) {
            let pieces = TextFit.wrap(line.text, width: max(1, width - 1))
            for (index, piece) in pieces.enumerated() {
                wrapped.append(StyledLine(index == 0 ? piece : " " + piece, style: line.style))
            }
        }
        return wrapped
    }

    static let notKept = "Header lines not kept: only the last \(TransferManager.finishedRowsWithHeaders)"
        + " finished transfers keep theirs."

    static func logicalLines(for item: TransferSnapshot, glyphs: Glyphs) -> [StyledLine] {
        let muted = CellStyle(role: .muted)
        let bold = CellStyle(bold: true)
        var out: [StyledLine] = []
        func field(_ label: String, _ value: String, style: CellStyle = .plain) {
            out.append(StyledLine(label.padding(to: 15) + glyphs.safe(value), style: style))
        }
        field("Name", item.name)
        field("URL", URLRedaction.withoutUserinfo(item.url))
        if let path = item.localPath { field(item.kind == .upload ? "Source" : "File", path) }
        var status = item.state == .saved ? "saved, not in this run" : TransferRowView.stateWord(item.state).0
        if item.attempt > 1 { status += ", attempt \(item.attempt)" }
        field("State", status)
        if item.insecure {
            field("TLS", "certificate NOT checked (--insecure)", style: CellStyle(bold: true, role: .warning))
        }
        if let verified = item.verified {
            field("Checksum", verified + " " + glyphs.verified + " matches", style: CellStyle(role: .good))
        }
        if let error = item.errorMessage {
            let waiting = !item.state.isFinal
            field(waiting ? "Last error" : "Error", error, style: CellStyle(role: waiting ? .warning : .bad))
        }
        // Every attempt that failed and was tried again, and why.
        for (index, line) in item.attemptLog.enumerated() {
            field(index == 0 ? "Attempts" : "", line, style: CellStyle(role: .warning))
        }

        let exchange = item.exchange
        out.append(StyledLine(""))
        if item.detailsDropped {
            if let code = item.statusCode { field("HTTP status", String(code)) }
            out.append(StyledLine(Self.notKept, style: muted))
        } else if exchange.requestLine.isEmpty {
            out.append(StyledLine("Nothing sent yet.", style: muted))
        } else {
            out.append(StyledLine(glyphs.safe(exchange.requestLine), style: bold.with(role: .accent)))
            for header in exchange.requestFields {
                let value = URLRedaction.isSecretHeader(header.name) ? "(hidden)" : header.value
                out.append(StyledLine(glyphs.safe(header.name) + ": " + glyphs.safe(value)))
            }
        }
        for response in exchange.responses {
            out.append(StyledLine(""))
            out.append(StyledLine(glyphs.safe(response.statusLine), style: bold.with(role: role(for: response.statusCode))))
            for header in response.fields {
                out.append(StyledLine(glyphs.safe(header.name) + ": " + glyphs.safe(header.value)))
            }
        }
        if exchange.headersDropped {
            out.append(StyledLine(""))
            out.append(StyledLine(Self.notKept, style: muted))
        }
        if exchange.effectiveURL != nil || exchange.remoteAddress != nil
            || exchange.httpVersion != nil || exchange.timings != nil {
            out.append(StyledLine(""))
        }
        if let url = exchange.effectiveURL { field("Effective URL", URLRedaction.withoutUserinfo(url)) }
        if let address = exchange.remoteAddress { field("Remote address", address) }
        if let version = exchange.httpVersion { field("HTTP version", version) }
        if let timings = exchange.timings {
            let dash = glyphs.isASCII ? "-" : "—"
            let tls = timings.tlsHandshake > 0 ? DurationFormat.timing(timings.tlsHandshake) : dash
            let parts = [
                "DNS " + DurationFormat.timing(timings.nameLookup),
                "connect " + DurationFormat.timing(timings.connect),
                "TLS " + tls,
                "first byte " + DurationFormat.timing(timings.firstByte),
                "total " + DurationFormat.timing(timings.total),
            ]
            out.append(StyledLine("Timings".padding(to: 15) + parts.joined(separator: glyphs.separator)))
        }
        return out
    }

    static func role(for statusCode: Int) -> ColorRole {
        switch statusCode {
        case 200..<300: return .good
        case 300..<400: return .warning
        case 400...: return .bad
        default: return .accent
        }
    }

    /// Draws the title row and the visible window of lines.
    static func draw(into buffer: inout ScreenBuffer, item: TransferSnapshot?, titleRow: Int,
                     rows: Range<Int>, scroll: Int, focused: Bool, glyphs: Glyphs, rates: [Double] = []) {
        let cols = buffer.size.cols
        let all = item.map { lines(for: $0, width: cols, glyphs: glyphs) } ?? []
        let first = min(max(0, scroll), max(0, all.count - rows.count))
        let titleStyle = focused ? CellStyle(bold: true, reverse: true) : CellStyle(bold: true, role: .accent)
        if focused {
            buffer.fill(row: titleRow, col: 0, width: cols, style: titleStyle)
        } else {
            buffer.put(String(repeating: glyphs.horizontal, count: cols), row: titleRow, col: 0, style: titleStyle)
        }
        var position = ""
        if all.count > rows.count {
            position = " \(first + 1)-\(min(all.count, first + rows.count))/\(all.count) "
        }
        // The selected row's last minute, where the title leaves room for it.
        if rates.contains(where: { $0 > 0 }), cols >= 60 {
            position = " " + Sparkline.render(rates, width: min(rates.count, cols / 4), asciiOnly: glyphs.isASCII)
                + " " + position
        }
        let positionWidth = DisplayWidth.of(position)
        let name = item.map { glyphs.safe($0.name, limit: 256) } ?? "nothing selected"
        let title = TextFit.truncate(" Headers: " + name + " ", to: max(0, cols - 2 - positionWidth),
                                     ellipsis: glyphs.ellipsis)
        buffer.put(title, row: titleRow, col: 1, style: titleStyle)
        if positionWidth > 0 && cols > positionWidth + 1 {
            buffer.put(position, row: titleRow, col: cols - positionWidth - 1, style: titleStyle)
        }
        for (offset, row) in rows.enumerated() {
            let index = first + offset
            guard index < all.count else { break }
            buffer.put(all[index].text, row: row, col: 0, style: all[index].style)
        }
    }
}
