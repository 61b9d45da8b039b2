/// One line of text with one style: the unit the header pane and the help
/// screen are built from before they are clipped to the visible rows.
struct StyledLine: Sendable, Equatable {
    var text: String
    var style: CellStyle

    init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}
