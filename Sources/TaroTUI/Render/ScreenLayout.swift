/// Where each part of the screen goes for a given size: the column headings,
/// the transfer list, the header pane under it (when open), the totals line
/// and the bottom line (key hints, messages, prompts). Shared by the renderer
/// and the reducer, so paging and mouse clicks agree with what is drawn.
struct ScreenLayout: Sendable, Equatable {
    let size: TerminalSize
    let headingRow: Int?
    let listRows: Range<Int>
    let paneTitleRow: Int?
    let paneRows: Range<Int>
    let totalsRow: Int?
    let bottomRow: Int?

    init(size: TerminalSize, paneOpen: Bool) {
        self.size = size
        let rows = size.rows
        var heading: Int?
        var totals: Int?
        var bottom: Int?
        var body = 0..<0
        switch rows {
        case ..<1:
            break
        case 1:
            bottom = 0
        case 2:
            body = 0..<1
            bottom = 1
        case 3:
            heading = 0
            body = 1..<2
            bottom = 2
        default:
            heading = 0
            body = 1..<(rows - 2)
            totals = rows - 2
            bottom = rows - 1
        }
        headingRow = heading
        totalsRow = totals
        bottomRow = bottom
        // The pane needs a title row and at least one row of text, and the
        // list keeps at least one row; otherwise the pane stays hidden.
        if paneOpen && body.count >= 3 {
            let listCount = max(1, (body.count - 1) / 2)
            listRows = body.lowerBound..<(body.lowerBound + listCount)
            paneTitleRow = body.lowerBound + listCount
            paneRows = (body.lowerBound + listCount + 1)..<body.upperBound
        } else {
            listRows = body
            paneTitleRow = nil
            paneRows = body.upperBound..<body.upperBound
        }
    }

    /// Rows the help screen may use: everything above the footer.
    var helpRows: Range<Int> { 0..<(totalsRow ?? bottomRow ?? size.rows) }

    var paneVisible: Bool { paneTitleRow != nil }
}
