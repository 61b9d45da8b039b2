/// What the app loop must do after the reducer handled an event: commands for
/// the transfer controller, in order, and whether to quit or repaint.
public struct Reaction: Sendable, Equatable {
    public var commands: [ControllerCommand]
    public var quit: Bool
    /// Redraw every cell, not only the changed ones (Ctrl-L).
    public var repaint: Bool
    /// Text to put on the clipboard (the `C` key's curl command).
    public var clipboard: String?

    public init(commands: [ControllerCommand] = [], quit: Bool = false, repaint: Bool = false,
                clipboard: String? = nil) {
        self.commands = commands
        self.quit = quit
        self.repaint = repaint
        self.clipboard = clipboard
    }

    public static let none = Reaction()
}
