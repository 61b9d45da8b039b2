import TaroNet
@testable import TaroTUI

// The list API with a plain array of rows, for tests that describe a list
// as a literal: each call builds the TransferRows the app would hold (and,
// for a frame, the totals a feed would report) and goes through the real
// code. Cheap at fixture sizes; the benchmarks use TransferRows directly.

extension ScreenRenderer {
    static func render(_ state: AppState, items: [TransferSnapshot], size: TerminalSize) -> ScreenBuffer {
        render(state, items: TransferRows(items), totals: .summing(items), size: size)
    }
}

extension AppReducer {
    static func reduce(_ state: inout AppState, _ key: Key, items: [TransferSnapshot]) -> Reaction {
        reduce(&state, key, items: TransferRows(items))
    }
}

extension AppState {
    mutating func reconcile(with items: [TransferSnapshot]) {
        reconcile(with: TransferRows(items))
    }

    mutating func select(index: Int, in items: [TransferSnapshot]) {
        select(index: index, in: TransferRows(items))
    }

    func selectedItem(in items: [TransferSnapshot]) -> TransferSnapshot? {
        selectedItem(in: TransferRows(items))
    }
}
