/// One input event, already decoded from the terminal: a key, a resize or a
/// mouse action. The reducer sees only this, never an ncurses code.
public enum Key: Sendable, Equatable {
    /// A printable character as typed or pasted.
    case character(Unicode.Scalar)
    /// Ctrl plus a letter, named by the lowercase letter: `.control("u")`.
    case control(Unicode.Scalar)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// A function key, F1 being 1.
    case function(Int)
    /// The terminal changed size; carries the new size.
    case resize(TerminalSize)
    /// Mouse events, zero-based screen coordinates.
    case click(row: Int, col: Int)
    case wheelUp(row: Int, col: Int)
    case wheelDown(row: Int, col: Int)
    /// Text pasted in one go (bracketed paste, or a burst that held a line
    /// break followed by more text), line breaks as "\n".
    case paste(String)
    /// Ctrl-C: the terminal turns it into SIGINT, which the loop hands on
    /// as this. Asks like `q`; a second one quits at once.
    case interrupt

    /// Convenience for tests and key tables: `Key.char("q")`.
    public static func char(_ c: Unicode.Scalar) -> Key { .character(c) }
}
