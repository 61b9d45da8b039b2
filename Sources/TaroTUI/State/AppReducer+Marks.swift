import TaroNet

/// Marking many rows: Space marks or unmarks the selected row and moves
/// on, `*` marks every row shown (or unmarks them when all are marked).
/// While rows are marked, x, p, r and d act on each marked row they apply
/// to, and say how many they skipped; aborting more than a few asks first,
/// as quitting does.
extension AppReducer {
    /// Aborting more than this many marked transfers asks for `y`.
    static let abortsWithoutAsking = 3

    static func toggleMark(_ state: inout AppState, items: ShownRows) -> Reaction {
        guard let item = state.selectedItem(in: items) else { return refuse(&state, "No transfer selected.") }
        if state.marked.remove(item.id) == nil { state.marked.insert(item.id) }
        state.select(index: state.selectedIndex + 1, in: items)
        state.message = markedMessage(state)
        return .none
    }

    static func toggleMarkAll(_ state: inout AppState, items: ShownRows) -> Reaction {
        let shown = items.map(\.id)
        if shown.allSatisfy(state.marked.contains) {
            state.marked.subtract(shown)
        } else {
            state.marked.formUnion(shown)
        }
        state.message = markedMessage(state)
        return .none
    }

    static func actOnMarked(_ state: inout AppState, _ action: Action, items: ShownRows) -> Reaction {
        // Marked rows hidden by a filter are still marked: act on them too.
        let rows = state.marked.compactMap { items.all.row(id: $0) }.sorted { $0.id < $1.id }
        let verb: String
        let applies: (TransferSnapshot) -> Bool
        let command: (UInt64) -> ControllerCommand
        switch action {
        case .abort:
            (verb, applies, command) = ("Aborting", { !$0.state.isFinal }, { .abort($0) })
        case .pauseResume:
            (verb, applies, command) = ("Pausing or resuming", { !$0.state.isFinal }, { .togglePause($0) })
        case .retry:
            (verb, applies, command) = ("Retrying", { $0.state == .failed || $0.state == .aborted }, { .retry($0) })
        default:
            (verb, applies, command) = ("Removing", { $0.state.isFinal }, { .remove($0) })
        }
        let ids = rows.filter(applies).map(\.id)
        guard !ids.isEmpty else { return refuse(&state, "None of the \(rows.count) marked transfers can take that.") }
        if action == .abort, ids.count > abortsWithoutAsking {
            state.confirmingAbort = ids
            state.message = StatusMessage("Abort \(ids.count) transfers? (y/N)", kind: .question)
            return .none
        }
        state.marked.removeAll()
        let skipped = rows.count - ids.count
        state.message = StatusMessage("\(verb) \(ids.count) \(ids.count == 1 ? "transfer" : "transfers")"
            + (skipped > 0 ? " (\(skipped) skipped)." : "."))
        return Reaction(commands: ids.map(command))
    }

    private static func markedMessage(_ state: AppState) -> StatusMessage {
        state.marked.isEmpty
            ? StatusMessage("No rows marked.")
            : StatusMessage("\(state.marked.count) marked: "
                + [Action.abort, .pauseResume, .retry, .remove].map { state.keys.primary($0) }.joined(separator: " ")
                + " act on all of them; \(state.keys.primary(.markAll)) toggles all shown.")
    }
}
