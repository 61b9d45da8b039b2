/// The `F` screen's keys (from the key table): it scrolls like the help
/// screen; Esc, the quit key or the failures key close it.
extension AppReducer {
    static func reduceFailures(_ state: inout AppState, _ key: Key, items: ShownRows) -> Reaction {
        let height = max(1, state.layout.helpRows.count - 1)
        let maximum = max(0, FailuresView.failed(in: items).count - height)
        // The moving keys scroll it as they move the list; Esc, quit or the
        // failures key itself close it, whatever they are bound to.
        let action = state.keys.action(for: key)
        switch (key, action) {
        case (_, .moveUp?): state.failuresScroll -= 1
        case (_, .moveDown?): state.failuresScroll += 1
        case (.wheelUp, _): state.failuresScroll -= wheelStep
        case (.wheelDown, _): state.failuresScroll += wheelStep
        case (_, .pageUp?): state.failuresScroll -= height
        case (_, .pageDown?), (.character(" "), _): state.failuresScroll += height
        case (_, .moveTop?): state.failuresScroll = 0
        case (_, .moveBottom?): state.failuresScroll = maximum
        case (.escape, _), (_, .quit?), (_, .failures?):
            state.failuresVisible = false
            return .none
        default:
            return .none
        }
        state.failuresScroll = min(max(0, state.failuresScroll), maximum)
        return .none
    }
}
