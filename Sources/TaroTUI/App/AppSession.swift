import TaroNet

/// The app loop without the terminal: holds the state and the latest
/// snapshot, feeds keys through the reducer, carries out the commands, and
/// says when a new frame is due. `TaroTUIApp.run` wires it to ncurses; tests
/// drive it directly with an in-memory controller.
public final class AppSession {
    public let controller: any TransferController
    public private(set) var state: AppState
    public private(set) var items: [TransferSnapshot] = []
    private var version: UInt64?
    private var dirty = true

    public init(controller: any TransferController, config: AppConfig, size: TerminalSize) {
        self.controller = controller
        self.state = AppState(downloadDirectory: config.downloadDirectory, asciiOnly: config.asciiOnly,
                              size: size, concurrencyLimit: controller.concurrencyLimit)
        refresh()
    }

    /// Applies one input event and carries out what it asks of the controller.
    @discardableResult
    public func handle(_ key: Key) -> Reaction {
        let before = state
        let reaction = AppReducer.reduce(&state, key, items: items)
        for command in reaction.commands { command.apply(to: controller) }
        if state != before || reaction.repaint { dirty = true }
        // Show the effect of a command at once rather than on the next tick.
        if !reaction.commands.isEmpty { refresh() }
        return reaction
    }

    /// Takes a snapshot; marks a frame due if anything visible changed.
    @discardableResult
    public func refresh() -> Bool {
        var changed = false
        let snapshot = controller.snapshot()
        if snapshot.version != version {
            version = snapshot.version
            items = snapshot.items
            state.reconcile(with: items)
            changed = true
        }
        let limit = controller.concurrencyLimit
        if limit != state.concurrencyLimit {
            state.concurrencyLimit = limit
            changed = true
        }
        if changed { dirty = true }
        return changed
    }

    /// A new frame when something changed since the last one, else nil.
    public func frameIfNeeded() -> ScreenBuffer? {
        guard dirty else { return nil }
        return frame()
    }

    /// Renders the current frame unconditionally.
    public func frame() -> ScreenBuffer {
        dirty = false
        return ScreenRenderer.render(state, items: items, size: state.size)
    }
}
