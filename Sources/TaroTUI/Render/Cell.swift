/// One character cell: a grapheme, how many columns it covers, and its style.
/// A wide grapheme (width 2) is followed by a continuation cell (width 0,
/// empty text) that the terminal writer skips.
public struct Cell: Sendable, Equatable {
    public var grapheme: String
    public var width: UInt8
    public var style: CellStyle

    public init(grapheme: String, width: UInt8, style: CellStyle) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }

    public static let blank = Cell(grapheme: " ", width: 1, style: .plain)

    static func continuation(_ style: CellStyle) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }
}
