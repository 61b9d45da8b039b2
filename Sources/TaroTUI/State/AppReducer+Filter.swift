import TaroNet

/// `/` filters the list as you type; Esc clears the filter; with no filter
/// applied, `n` and `N` jump to the next and previous row matching the last
/// one. The rows the reducer receives are already the filtered ones (the
/// session keeps that view), so every other key works on what is shown.
extension AppReducer {
    static func openFilter(_ state: inout AppState) -> Reaction {
        state.prompt = Prompt(purpose: .filter, text: state.filter)
        return .none
    }

    static func clearFilter(_ state: inout AppState) {
        guard !state.filter.isEmpty else { return }
        state.lastSearch = state.filter
        state.filter = ""
        state.message = StatusMessage("Filter cleared; \(matchKeys(state)) find \(state.lastSearch).")
    }

    private static func matchKeys(_ state: AppState) -> String {
        state.keys.primary(.nextMatch) + " and " + state.keys.primary(.previousMatch)
    }

    /// Moves the selection to the next (or previous) matching row, wrapping.
    static func jumpToMatch(_ state: inout AppState, forward: Bool, items: ShownRows) -> Reaction {
        guard state.filter.isEmpty else {
            return refuse(&state, "\(matchKeys(state)) search when no filter is applied "
                + "(\(state.keys.primary(.back)) clears it).")
        }
        guard let filter = RowFilter(state.lastSearch) else {
            return refuse(&state, "Nothing to search for: type \(state.keys.primary(.filter)) and a filter first.")
        }
        guard !items.isEmpty else { return .none }
        let count = items.count
        let start = min(max(0, state.selectedIndex), count - 1)
        for step in 1...count {
            let index = ((forward ? start + step : start - step) % count + count) % count
            if filter.matches(items[index]) {
                state.select(index: index, in: items)
                if index == start { state.message = StatusMessage("Only this row matches \(state.lastSearch).") }
                return .none
            }
        }
        return refuse(&state, "No transfer matches \(state.lastSearch).")
    }
}
