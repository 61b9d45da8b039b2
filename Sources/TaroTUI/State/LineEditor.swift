/// The text of a prompt and a cursor into it, with the editing a shell line
/// offers: insert at the cursor, move, delete either side, kill to the start
/// or end, kill the previous word. Works on grapheme clusters, so the cursor
/// never stops inside an accented letter or a wide character.
public struct LineEditor: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Index into `characters`, 0...count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Inserts at the cursor. A combining scalar joins the character before
    /// the cursor instead of standing alone.
    public mutating func insert(_ scalar: Unicode.Scalar) {
        if cursor > 0 {
            var joined = String(characters[cursor - 1])
            joined.unicodeScalars.append(scalar)
            if joined.count == 1 {
                characters[cursor - 1] = Character(joined)
                return
            }
        }
        characters.insert(Character(scalar), at: cursor)
        cursor += 1
    }

    public mutating func insert(_ text: String) {
        for scalar in text.unicodeScalars { insert(scalar) }
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-U: deletes everything before the cursor.
    public mutating func killToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: deletes everything from the cursor on.
    public mutating func killToEnd() {
        characters.removeSubrange(cursor..<characters.count)
    }

    /// Ctrl-W: deletes the whitespace before the cursor, then the word before
    /// that, as the terminal's own word-erase does.
    public mutating func killPreviousWord() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }
}
