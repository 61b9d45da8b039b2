import TaroNet

/// Scrolling the header pane and the help screen, and the mouse: a click
/// selects a row or focuses the pane, the wheel moves the selection or
/// scrolls the pane under the pointer.
extension AppReducer {
    static let wheelStep = 3

    static func scrollPane(_ state: inout AppState, _ action: Action, items: ShownRows) {
        let page = max(1, state.layout.paneRows.count)
        switch action {
        case .moveUp: state.paneScroll -= 1
        case .moveDown: state.paneScroll += 1
        case .pageUp: state.paneScroll -= page
        case .pageDown: state.paneScroll += page
        case .moveTop: state.paneScroll = 0
        default: state.paneScroll = Int.max / 2
        }
        clampPaneScroll(&state, items: items)
    }

    static func clampPaneScroll(_ state: inout AppState, items: ShownRows) {
        let height = state.layout.paneRows.count
        var total = 0
        if state.paneOpen, let item = state.selectedItem(in: items) {
            total = HeaderPaneView.lines(for: item, width: state.size.cols, glyphs: Glyphs.forASCII(state.asciiOnly)).count
        }
        state.paneScroll = min(max(0, state.paneScroll), max(0, total - height))
    }

    static func reduceHelp(_ state: inout AppState, _ key: Key) -> Reaction {
        let height = max(1, state.layout.helpRows.count - 1)
        let maximum = max(0, HelpView.lines(state.keys).count - height)
        // The moving keys scroll the help as they move the list; Space pages.
        let action = state.keys.action(for: key)
        switch (key, action) {
        case (_, .moveUp?): state.helpScroll -= 1
        case (_, .moveDown?): state.helpScroll += 1
        case (.wheelUp, _): state.helpScroll -= wheelStep
        case (.wheelDown, _): state.helpScroll += wheelStep
        case (_, .pageUp?): state.helpScroll -= height
        case (_, .pageDown?), (.character(" "), _): state.helpScroll += height
        case (_, .moveTop?): state.helpScroll = 0
        case (_, .moveBottom?): state.helpScroll = maximum
        default:
            state.helpVisible = false
            return .none
        }
        state.helpScroll = min(max(0, state.helpScroll), maximum)
        return .none
    }

    static func reduceMouse(_ state: inout AppState, _ key: Key, items: ShownRows) {
        let layout = state.layout
        switch key {
        case let .click(row, _):
            if layout.listRows.contains(row) {
                state.focus = .list
                let index = state.listScroll + row - layout.listRows.lowerBound
                if index < items.count { state.select(index: index, in: items) }
            } else if layout.paneVisible && (layout.paneRows.contains(row) || row == layout.paneTitleRow) {
                state.focus = .pane
            }
        case let .wheelUp(row, _), let .wheelDown(row, _):
            let up: Bool
            if case .wheelUp = key { up = true } else { up = false }
            if layout.paneVisible && layout.paneRows.contains(row) {
                state.paneScroll += up ? -wheelStep : wheelStep
                clampPaneScroll(&state, items: items)
            } else if !items.isEmpty {
                state.select(index: state.selectedIndex + (up ? -wheelStep : wheelStep), in: items)
            }
        default:
            break
        }
    }
}
