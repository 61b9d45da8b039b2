import TaroNet

/// `K`/`J` move the selected waiting transfer up or down past its waiting
/// neighbour, `T` to the top (next to start), `B` to the bottom. Only in
/// queue order: in a sorted list "up" would mean nothing the queue follows.
extension AppReducer {
    static func moveInQueue(_ state: inout AppState, _ action: Action, items: ShownRows) -> Reaction {
        guard state.order.isQueueOrder else {
            return refuse(&state, "Reordering works in queue order "
                + "(\(state.keys.primary(.sort)) until the heading is plain NAME).")
        }
        guard let item = state.selectedItem(in: items) else { return refuse(&state, "No transfer selected.") }
        guard item.state == .queued else { return refuse(&state, "Only a waiting (queued) transfer can be moved.") }
        let move: QueueMove
        switch action {
        case .queueUp: move = .up
        case .queueDown: move = .down
        case .queueTop: move = .top
        default: move = .bottom
        }
        let name = TerminalText.sanitize(item.name, asciiOnly: state.asciiOnly, limit: 80)
        state.message = StatusMessage("Moved \(name) \(move == .up || move == .down ? move.rawValue : "to the " + move.rawValue).")
        return Reaction(commands: [.move(item.id, move)])
    }
}
