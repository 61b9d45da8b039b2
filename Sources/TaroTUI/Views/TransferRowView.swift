import Foundation
import TaroNet

/// One transfer's row: direction, name, bar, percent, bytes, speed, ETA and
/// state word. A failed row shows its error where the progress would be.
enum TransferRowView {
    static func draw(_ item: TransferSnapshot, into buffer: inout ScreenBuffer, row: Int,
                     columns: TransferColumns, selected: Bool, marked: Bool = false, keys: KeyTable = .standard,
                     glyphs: Glyphs) {
        if selected { buffer.put(glyphs.selection, row: row, col: columns.markerX) }
        let glyph: String
        switch item.kind {
        case .download: glyph = glyphs.download
        case .upload: glyph = glyphs.upload
        case .request: glyph = glyphs.request
        }
        // A marked row shows the mark where its direction would be.
        buffer.put(marked ? glyphs.mark : glyph, row: row, col: columns.glyphX,
                   style: CellStyle(bold: marked, role: marked ? .warning : .accent))
        // A transfer whose certificate was not checked says so before its
        // name, where the eye lands first.
        var nameX = columns.nameX
        var nameWidth = columns.nameWidth
        if item.insecure, nameWidth > insecureTag.count + 4 {
            nameX += buffer.put(insecureTag, row: row, col: nameX, style: CellStyle(bold: true, role: .warning))
            nameWidth -= insecureTag.count
        }
        // Its own rate cap, if any, closes the name column.
        let cap = item.rateLimit > 0 && !item.state.isFinal ? "max " + RateText.format(item.rateLimit) + "/s" : ""
        let capWidth = cap.isEmpty || nameWidth < cap.count + 8 ? 0 : cap.count + 1
        let name = TextFit.truncateMiddle(glyphs.safe(item.name, limit: 1024), to: nameWidth - capWidth,
                                          ellipsis: glyphs.ellipsis)
        buffer.put(name, row: row, col: nameX, maxWidth: nameWidth - capWidth)
        if capWidth > 0 {
            buffer.put(cap, row: row, col: nameX + nameWidth - cap.count, style: CellStyle(role: .warning))
        }

        if item.state == .failed {
            drawError(item, into: &buffer, row: row, columns: columns, glyphs: glyphs)
        } else if item.state == .queued, let wait = item.hostWait {
            // Its host asked for a pause: say why, and until when.
            drawNote("host cooling down (\(wait.reason)) until \(Self.clock(wait.until))", role: .warning, item,
                     into: &buffer, row: row, columns: columns, glyphs: glyphs)
        } else if item.state == .saved {
            // Another run's, waiting for the user: say so where the bar would be.
            drawNote(Self.savedNote(keys), role: .warning, item, into: &buffer, row: row, columns: columns, glyphs: glyphs)
        } else if item.state == .queued, item.attempt > 1, let reason = item.errorMessage {
            // Waiting out the backoff: say which attempt comes and why.
            drawNote("attempt \(item.attempt) after: \(reason)", role: .warning, item, into: &buffer, row: row,
                     columns: columns, glyphs: glyphs)
        } else {
            drawProgress(item, into: &buffer, row: row, columns: columns, glyphs: glyphs)
        }
        var (word, role) = stateWord(item.state)
        // A file that matched its checksum (the user's or the server's).
        if item.state == .done, item.verified != nil { word += " " + glyphs.verified }
        buffer.put(word, row: row, col: columns.stateX, maxWidth: TransferColumns.stateWidth,
                   style: CellStyle(bold: item.state == .failed, role: role))
    }

    /// "14:02:10" in local time.
    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }

    static let insecureTag = "[insecure] "
    static func savedNote(_ keys: KeyTable) -> String {
        "saved, not in this run: \(keys.primary(.pauseResume)) continues, \(keys.primary(.remove)) discards"
    }

    static func stateWord(_ state: TransferSnapshot.State) -> (String, ColorRole) {
        switch state {
        case .queued: return ("queued", .muted)
        case .connecting, .active: return ("active", .accent)
        case .paused: return ("paused", .warning)
        case .done: return ("done", .good)
        case .failed: return ("failed", .bad)
        case .aborted: return ("aborted", .bad)
        case .saved: return ("saved", .warning)
        }
    }

    private static func drawError(_ item: TransferSnapshot, into buffer: inout ScreenBuffer, row: Int,
                                  columns: TransferColumns, glyphs: Glyphs) {
        var raw = item.errorMessage ?? item.statusCode.map { "HTTP \($0)" } ?? "failed"
        if item.attempt > 1 { raw += " (after \(item.attempt) attempts)" }
        drawNote(raw, role: .bad, item, into: &buffer, row: row, columns: columns, glyphs: glyphs)
    }

    /// Text in place of the progress columns.
    private static func drawNote(_ raw: String, role: ColorRole, _ item: TransferSnapshot, into buffer: inout ScreenBuffer,
                                 row: Int, columns: TransferColumns, glyphs: Glyphs) {
        let start = columns.barWidth > 0 ? columns.barX : columns.percentX
        let width = columns.stateX - 1 - start
        let text = TextFit.truncate(glyphs.safe(raw, limit: 512), to: width, ellipsis: glyphs.ellipsis)
        buffer.put(text, row: row, col: start, maxWidth: width, style: CellStyle(role: role))
    }

    private static func drawProgress(_ item: TransferSnapshot, into buffer: inout ScreenBuffer, row: Int,
                                     columns: TransferColumns, glyphs: Glyphs) {
        let done = item.state == .done
        let percent = done ? 100 : item.percent
        let known = item.bytesTotal != nil && (item.bytesTotal ?? 0) > 0
        // Not started and no length yet: an empty bar and no percent, rather
        // than the look of a transfer of unknown length.
        let waiting = item.state == .queued && !known
        if columns.barWidth > 0 {
            let barStyle = CellStyle(role: done ? .good : .progress)
            let emptyStyle = CellStyle(role: .muted)
            let inner = columns.barWidth - 2
            var x = columns.barX
            if known || done {
                let fraction = done ? 1 : Double(item.bytesDone) / Double(max(1, item.bytesTotal ?? 1))
                let parts = ProgressBar.determinate(fraction: fraction, width: columns.barWidth, glyphs: glyphs)
                let end = columns.barX + 1 + inner
                x += buffer.put(glyphs.barOpen, row: row, col: x)
                x += buffer.put(glyphs.barFull, repeated: parts.full, row: row, col: x, maxWidth: end - x,
                                style: barStyle)
                if let partial = parts.partial {
                    x += buffer.put(partial, row: row, col: x, maxWidth: end - x, style: barStyle)
                }
                x += buffer.put(glyphs.barEmpty, repeated: parts.empty, row: row, col: x, maxWidth: end - x,
                                style: emptyStyle)
                buffer.put(glyphs.barClose, row: row, col: x)
            } else if columns.sizeX == nil && !waiting {
                // No size column to show the byte count: the bar's place shows it.
                buffer.put(ByteFormat.size(item.bytesDone), row: row, col: x, maxWidth: columns.barWidth)
            } else {
                // The moving block means "bytes are arriving"; a transfer that
                // is waiting, paused or stopped gets an empty bar instead.
                let moving = item.state == .active || item.state == .connecting
                x += buffer.put(glyphs.barOpen, row: row, col: x)
                if moving {
                    let inside = ProgressBar.indeterminate(bytesDone: item.bytesDone, width: columns.barWidth,
                                                           glyphs: glyphs)
                    x += buffer.put(inside, row: row, col: x, maxWidth: inner, style: barStyle)
                } else {
                    x += buffer.put(glyphs.barEmpty, repeated: max(0, inner), row: row, col: x, maxWidth: inner,
                                    style: emptyStyle)
                }
                buffer.put(glyphs.barClose, row: row, col: x)
            }
        }
        let percentText = waiting ? "" : percent.map { "\($0)%" } ?? "?%"
        buffer.put(TextFit.rightAligned(percentText, width: TransferColumns.percentWidth),
                   row: row, col: columns.percentX, style: CellStyle(role: percent == nil ? .muted : .normal))
        if let x = columns.sizeX {
            let total = item.bytesTotal.map(ByteFormat.size) ?? "?"
            let text = ByteFormat.size(item.bytesDone) + "/" + total
            buffer.put(TextFit.rightAligned(text, width: TransferColumns.sizeWidth), row: row, col: x)
        }
        if let x = columns.speedX {
            var text = ""
            var role = ColorRole.normal
            if (item.state == .active || item.state == .connecting) && item.bytesPerSecond >= 1 {
                text = ByteFormat.rate(item.bytesPerSecond)
            } else if let code = item.statusCode, code >= 400 {
                text = "HTTP \(code)"
                role = .warning
            }
            buffer.put(TextFit.rightAligned(text, width: TransferColumns.speedWidth), row: row, col: x,
                       style: CellStyle(role: role))
        }
        if let x = columns.etaX, let seconds = item.secondsRemaining {
            buffer.put(TextFit.rightAligned(DurationFormat.eta(seconds), width: TransferColumns.etaWidth),
                       row: row, col: x)
        }
    }
}
