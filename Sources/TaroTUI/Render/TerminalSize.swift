/// The screen size in character cells.
public struct TerminalSize: Sendable, Equatable, Hashable {
    public var rows: Int
    public var cols: Int

    public init(rows: Int, cols: Int) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
    }
}
