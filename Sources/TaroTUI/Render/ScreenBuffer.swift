/// A frame: rows × cols cells, built by the pure render layer and written to
/// the terminal by diffing against the previous frame.
///
/// Every write is clipped: nothing lands outside the buffer or past the right
/// edge, and a wide grapheme that would straddle the edge or a region limit is
/// replaced by a space. Overwriting half of a wide grapheme blanks the other
/// half, so the buffer never holds an orphaned continuation.
///
/// Each row is an array of its own, so a row can be handed from one frame to
/// the next as it is (see ListRowCache): the two frames then share that
/// row's storage, and the terminal writer skips a row it already drew
/// without comparing its cells.
public struct ScreenBuffer: Sendable, Equatable {
    public let size: TerminalSize
    private var rows: [[Cell]]

    public init(size: TerminalSize) {
        self.size = size
        self.rows = Array(repeating: Array(repeating: .blank, count: max(0, size.cols)), count: max(0, size.rows))
    }

    /// Every cell, row after row.
    public var cells: [Cell] { Array(rows.joined()) }

    public subscript(row: Int, col: Int) -> Cell {
        rows[row][col]
    }

    /// One row's cells, to hand to a later frame (see `setRow`).
    func row(_ row: Int) -> [Cell] { rows[row] }

    /// Puts `cells`, a row taken from an earlier frame of the same width, in
    /// place of row `row`. The row is shared, not copied.
    mutating func setRow(_ row: Int, _ cells: [Cell]) {
        precondition(cells.count == size.cols, "a row of \(cells.count) cells in a frame \(size.cols) wide")
        rows[row] = cells
    }

    /// Whether row `row` of this frame and of `other` are one storage (one
    /// frame took it from the other), so the same cells without a look at
    /// them. Both frames hold the storage, so its address cannot have been
    /// reused for another row in between.
    func sharesRow(_ row: Int, with other: ScreenBuffer) -> Bool {
        guard row < rows.count, row < other.rows.count, size.cols > 0 else { return false }
        return rows[row].withUnsafeBufferPointer { mine in
            other.rows[row].withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
        }
    }

    /// The screen as plain text, one string per row, continuation cells
    /// skipped and trailing spaces trimmed: what text-snapshot tests compare.
    public var lines: [String] {
        (0..<size.rows).map { row in
            var line = String()
            for col in 0..<size.cols {
                let cell = self[row, col]
                if !cell.isContinuation { line += cell.grapheme }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    /// Writes `text` from (row, col), at most `maxWidth` columns (default: to
    /// the right edge). Returns the number of columns written. The text must
    /// already be sanitized; a grapheme of width 0 that slipped through is
    /// shown as "?" so it still occupies a cell of its own.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, maxWidth: Int? = nil,
                             style: CellStyle = .plain) -> Int {
        guard row >= 0, row < size.rows, col >= 0, col < size.cols else { return 0 }
        let limit = min(size.cols, col + max(0, maxWidth ?? size.cols))
        var x = col
        // Most text on screen is printable ASCII: one cell per byte, no
        // grapheme breaking, no width lookup. Frames are rebuilt every tick,
        // so this is the renderer's hot loop.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                if x >= limit { break }
                setCell(row: row, col: x, Cell(grapheme: Self.asciiGraphemes[Int(byte) - 0x20], width: 1, style: style))
                x += 1
            }
            return x - col
        }
        // A run of one glyph (a progress bar) is measured once.
        var previous: (character: Character, grapheme: String, width: Int)?
        for character in text {
            if x >= limit { break }
            var width: Int
            var grapheme: String
            if let previous, previous.character == character {
                (grapheme, width) = (previous.grapheme, previous.width)
            } else {
                width = DisplayWidth.of(character)
                grapheme = String(character)
                if width == 0 {
                    grapheme = "?"
                    width = 1
                }
                previous = (character, grapheme, width)
            }
            if x + width > limit {
                setCell(row: row, col: x, Cell(grapheme: " ", width: 1, style: style))
                x += 1
                break
            }
            setCell(row: row, col: x, Cell(grapheme: grapheme, width: UInt8(width), style: style))
            if width == 2 { setCell(row: row, col: x + 1, .continuation(style)) }
            x += width
        }
        return x - col
    }

    /// Writes `grapheme` (one grapheme cluster, sanitized) `count` times
    /// from (row, col), within `maxWidth` columns: a run such as a progress
    /// bar, measured once. Returns the number of columns written.
    @discardableResult
    public mutating func put(_ grapheme: String, repeated count: Int, row: Int, col: Int, maxWidth: Int? = nil,
                             style: CellStyle = .plain) -> Int {
        guard count > 0, row >= 0, row < size.rows, col >= 0, col < size.cols,
              let character = grapheme.first else { return 0 }
        var width = DisplayWidth.of(character)
        let cell = width == 0 ? Cell(grapheme: "?", width: 1, style: style)
                              : Cell(grapheme: String(character), width: UInt8(width), style: style)
        width = max(1, width)
        let limit = min(size.cols, col + max(0, maxWidth ?? size.cols))
        var x = col
        for _ in 0..<count {
            if x >= limit { break }
            if x + width > limit {
                setCell(row: row, col: x, Cell(grapheme: " ", width: 1, style: style))
                x += 1
                break
            }
            setCell(row: row, col: x, cell)
            if width == 2 { setCell(row: row, col: x + 1, .continuation(style)) }
            x += width
        }
        return x - col
    }

    /// " " through "~", one string each, made once.
    private static let asciiGraphemes: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Paints `width` columns from (row, col) with spaces in `style`.
    public mutating func fill(row: Int, col: Int, width: Int, style: CellStyle) {
        guard row >= 0, row < size.rows else { return }
        let start = max(0, col)
        let end = min(size.cols, col + width)
        guard start < end else { return }
        for x in start..<end {
            setCell(row: row, col: x, Cell(grapheme: " ", width: 1, style: style))
        }
    }

    /// Changes the style of existing cells without touching their text, e.g.
    /// to highlight the selected row after it was drawn.
    public mutating func restyle(row: Int, col: Int, width: Int, _ change: (inout CellStyle) -> Void) {
        guard row >= 0, row < size.rows else { return }
        let start = max(0, col)
        let end = min(size.cols, col + width)
        guard start < end else { return }
        for x in start..<end { change(&rows[row][x].style) }
    }

    private mutating func setCell(row: Int, col: Int, _ cell: Cell) {
        let old = rows[row][col]
        if old.isContinuation && cell.width != 0 && col > 0 {
            rows[row][col - 1] = Cell(grapheme: " ", width: 1, style: rows[row][col - 1].style)
        }
        if old.width == 2 && cell.width != 2 && col + 1 < size.cols {
            rows[row][col + 1] = Cell(grapheme: " ", width: 1, style: old.style)
        }
        rows[row][col] = cell
    }
}
