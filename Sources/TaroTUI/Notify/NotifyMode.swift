/// What happens when the queue empties: nothing (the default), the terminal
/// bell, or a desktop notification through OSC 9 (iTerm2, kitty, WezTerm,
/// foot) or OSC 777 (urxvt, VTE terminals).
public enum NotifyMode: String, CaseIterable, Sendable {
    case off, bell, osc9, osc777

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public static func parse(_ text: String) throws -> NotifyMode {
        guard let mode = NotifyMode(rawValue: text.lowercased()) else {
            throw Invalid(description: "--notify wants bell, osc9, osc777 or off, not "
                + TerminalText.sanitize(text, limit: 40))
        }
        return mode
    }
}
