import TaroNet
@testable import TaroTUI

/// The screens the snapshot tests pin down, built from the fixtures.
enum SnapshotScenes {
    static func state(_ rows: Int, _ cols: Int, ascii: Bool = false,
                      items: [TransferSnapshot] = Fixtures.mixed) -> AppState {
        var state = AppState(downloadDirectory: "/tmp/x", asciiOnly: ascii, size: TerminalSize(rows: rows, cols: cols))
        state.reconcile(with: items)
        return state
    }

    static var mixedWithExchange: [TransferSnapshot] {
        var items = Fixtures.mixed
        items[5].exchange = Fixtures.exchange
        return items
    }

    static func render(_ state: AppState, _ items: [TransferSnapshot] = Fixtures.mixed) -> ScreenBuffer {
        ScreenRenderer.render(state, items: items, size: state.size)
    }

    static func paneOpen(_ rows: Int, _ cols: Int, ascii: Bool = false, focus: AppState.Focus = .list) -> ScreenBuffer {
        let items = mixedWithExchange
        var state = state(rows, cols, ascii: ascii, items: items)
        state.select(index: 5, in: items)
        state.paneOpen = true
        state.focus = focus
        return render(state, items)
    }

    static func help(_ rows: Int, _ cols: Int) -> ScreenBuffer {
        var state = state(rows, cols)
        state.helpVisible = true
        return render(state)
    }

    static func prompt(_ rows: Int, _ cols: Int, text: String, cursorFromEnd: Int = 0) -> ScreenBuffer {
        var state = state(rows, cols)
        var prompt = Prompt(purpose: .downloadURL, text: text)
        for _ in 0..<cursorFromEnd { prompt.editor.moveLeft() }
        state.prompt = prompt
        return render(state)
    }

    static func quitQuestion(_ rows: Int, _ cols: Int) -> ScreenBuffer {
        var state = state(rows, cols)
        _ = AppReducer.reduce(&state, .char("q"), items: Fixtures.mixed)
        return render(state)
    }
}
