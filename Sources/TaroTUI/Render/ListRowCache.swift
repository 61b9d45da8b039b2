import TaroNet

/// The list rows of the last frame, each with what it was drawn from, so
/// that the next frame takes a row whose transfer and look did not change
/// as it is instead of laying it out again. While thousands of transfers
/// finish a second, most rows on screen stay as they were from one tick to
/// the next; laying out all forty of them anyway was most of a tick.
///
/// A row's cells depend only on its `Key` and the frame's `Context`
/// (TransferRowView is a function of them), so a row kept under an equal
/// key is the row that drawing would produce. The kept row is the frame's
/// own storage: a later frame that takes it shares it, and the terminal
/// writer skips it without comparing cells (ScreenBuffer.sharesRow).
///
/// The heading above the list is kept the same way: it changes only with
/// the order, the width or the glyphs.
///
/// One frame at a time: `begin`, then `row(_:for:)` and `keep` for each list
/// row drawn (`heading` and `keepHeading` for the heading), then `end`; a
/// row not kept in a frame is forgotten.
struct ListRowCache {
    /// What one list row shows.
    struct Key: Equatable {
        let item: TransferSnapshot
        /// Not part of TransferSnapshot's ==, and shown on the row.
        let insecure: Bool
        let selected: Bool
        let marked: Bool
        /// Selected with the list focused: drawn bold.
        let focused: Bool

        init(item: consuming TransferSnapshot, selected: Bool, marked: Bool, focused: Bool) {
            self.insecure = item.insecure
            self.item = item
            self.selected = selected
            self.marked = marked
            self.focused = selected && focused
        }

        func isSame(as other: Key) -> Bool { self == other }
    }

    /// What every row of a frame depends on besides its own key: the width
    /// (the columns), the glyph set and the key table (a saved row names keys).
    struct Context: Equatable {
        let cols: Int
        let asciiOnly: Bool
        let keys: KeyTable
    }

    private var context: Context?
    /// Last frame's rows, by screen row: what each was drawn from, and its
    /// cells. Two arrays rather than one of pairs, so that comparing a key
    /// reads it in place instead of copying a row's worth of references.
    private var keys: [Key?] = []
    private var cells: [[Cell]?] = []
    private var keptKeys: [Key?] = []
    private var keptCells: [[Cell]?] = []

    /// The heading row as last drawn, and the order it named.
    private var heading: (row: Int, order: RowOrder, cells: [Cell])?
    private var keptHeading: (row: Int, order: RowOrder, cells: [Cell])?

    /// Starts a frame of `rows` rows drawn in `context`; nothing from a
    /// frame drawn in another context is reused.
    mutating func begin(rows: Int, context: Context) {
        if context != self.context {
            self.context = context
            keys.removeAll()
            cells.removeAll()
            heading = nil
        }
        keptHeading = nil
        keptKeys = Array(repeating: nil, count: max(0, rows))
        keptCells = Array(repeating: nil, count: max(0, rows))
    }

    /// The cells last frame's row `row` held, when it was drawn from `key`.
    func row(_ row: Int, for key: Key) -> [Cell]? {
        // Optional chaining borrows the stored key where it is; `==` on
        // the optional would copy it first.
        guard row >= 0, row < keys.count, keys[row]?.isSame(as: key) == true else { return nil }
        return cells[row]
    }

    /// Remembers row `row` of this frame, drawn from `key`.
    mutating func keep(_ row: Int, key: Key, cells rowCells: [Cell]) {
        guard row >= 0, row < keptKeys.count else { return }
        keptKeys[row] = key
        keptCells[row] = rowCells
    }

    /// The cells of last frame's heading, when it stood on row `row` and
    /// named `order` (the sorted column carries an arrow).
    func heading(_ row: Int, order: RowOrder) -> [Cell]? {
        guard let heading, heading.row == row, heading.order == order else { return nil }
        return heading.cells
    }

    /// Remembers this frame's heading.
    mutating func keepHeading(_ row: Int, order: RowOrder, cells rowCells: [Cell]) {
        keptHeading = (row, order, rowCells)
    }

    /// Ends the frame: what it kept is what the next one may reuse.
    mutating func end() {
        heading = keptHeading
        keptHeading = nil
        keys = keptKeys
        cells = keptCells
        keptKeys = []
        keptCells = []
    }
}
