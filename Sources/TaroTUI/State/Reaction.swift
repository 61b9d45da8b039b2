/// What the app loop must do after the reducer handled an event: commands for
/// the transfer controller, in order, and whether to quit or repaint.
public struct Reaction: Sendable, Equatable {
    public var commands: [ControllerCommand]
    public var quit: Bool
    /// Redraw every cell, not only the changed ones (Ctrl-L).
    public var repaint: Bool

    public init(commands: [ControllerCommand] = [], quit: Bool = false, repaint: Bool = false) {
        self.commands = commands
        self.quit = quit
        self.repaint = repaint
    }

    public static let none = Reaction()
}
