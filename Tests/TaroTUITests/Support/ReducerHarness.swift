import TaroNet
@testable import TaroTUI

/// A state and a list to press keys against, collecting the commands.
struct ReducerHarness {
    var state: AppState
    var items: [TransferSnapshot]
    var commands: [ControllerCommand] = []
    var quit = false
    var repaint = false
    /// The last text a key asked to copy.
    var clipboard: String?

    init(items: [TransferSnapshot] = Fixtures.mixed, size: TerminalSize = TerminalSize(rows: 24, cols: 80)) {
        self.items = items
        state = AppState(downloadDirectory: "/tmp/x", size: size, concurrencyLimit: 4)
        state.reconcile(with: items)
    }

    mutating func press(_ keys: Key...) { press(keys) }

    mutating func press(_ keys: [Key]) {
        for key in keys {
            let reaction = AppReducer.reduce(&state, key, items: items)
            commands += reaction.commands
            quit = quit || reaction.quit
            repaint = repaint || reaction.repaint
            clipboard = reaction.clipboard ?? clipboard
        }
    }

    /// Types text as a burst of character keys, as a paste arrives.
    mutating func type(_ text: String) {
        press(text.unicodeScalars.map { Key.character($0) })
    }

    mutating func select(id: UInt64) {
        let index = items.firstIndex { $0.id == id }!
        state.select(index: index, in: items)
    }

    var selected: TransferSnapshot? { state.selectedItem(in: items) }
}
