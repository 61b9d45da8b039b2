/// Small string helpers for laying out label columns and cleaning typed input.
extension String {
    /// Pads with spaces to at least `width` columns (measured with
    /// DisplayWidth, so wide characters count double), always leaving at
    /// least one space after the text.
    func padding(to width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }

    /// Without leading and trailing whitespace: a pasted URL often brings some.
    func trimmingWhitespace() -> String {
        var characters = Substring(self)
        while characters.first?.isWhitespace == true { characters.removeFirst() }
        while characters.last?.isWhitespace == true { characters.removeLast() }
        return String(characters)
    }
}
