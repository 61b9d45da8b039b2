/// The `F` screen's keys: it scrolls like the help screen; Esc, q or F close it.
extension AppReducer {
    static func reduceFailures(_ state: inout AppState, _ key: Key, items: ShownRows) -> Reaction {
        let height = max(1, state.layout.helpRows.count - 1)
        let maximum = max(0, FailuresView.failed(in: items).count - height)
        switch key {
        case .up, .character("k"): state.failuresScroll -= 1
        case .down, .character("j"): state.failuresScroll += 1
        case .wheelUp: state.failuresScroll -= wheelStep
        case .wheelDown: state.failuresScroll += wheelStep
        case .pageUp: state.failuresScroll -= height
        case .pageDown, .character(" "): state.failuresScroll += height
        case .home, .character("g"): state.failuresScroll = 0
        case .end, .character("G"): state.failuresScroll = maximum
        case .escape, .character("q"), .character("F"):
            state.failuresVisible = false
            return .none
        default:
            return .none
        }
        state.failuresScroll = min(max(0, state.failuresScroll), maximum)
        return .none
    }
}
