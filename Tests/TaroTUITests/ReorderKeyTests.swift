import XCTest
import TaroNet
@testable import TaroTUI

/// K/J/T/B move the selected waiting transfer, in queue order only.
final class ReorderKeyTests: XCTestCase {
    func testKeysMoveTheSelectedWaitingTransfer() {
        var h = ReducerHarness()
        h.select(id: 4)  // photo.jpg, queued
        h.press(.char("K"), .char("J"), .char("T"), .char("B"))
        XCTAssertEqual(h.commands, [.move(4, .up), .move(4, .down), .move(4, .top), .move(4, .bottom)])
        XCTAssertEqual(h.state.message?.text, "Moved photo.jpg to the bottom.")
    }

    func testOnlyWaitingRowsAndOnlyInQueueOrder() {
        var h = ReducerHarness()
        h.select(id: 1)
        h.press(.char("K"))
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.message?.text, "Only a waiting (queued) transfer can be moved.")
        h.select(id: 4)
        h.press(.char("s"), .char("T"))
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.message?.text, "Reordering works in queue order (s until the heading is plain NAME).")
    }

    func testTheSessionShowsTheNewOrderAndTheSelectionFollows() {
        var items = Fixtures.mixed
        items.append(Fixtures.item(10, "later.bin", .queued))
        let controller = InMemoryTransferController(items: items)
        let s = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/x"),
                           size: TerminalSize(rows: 24, cols: 80))
        s.handle(.end)
        s.handle(.character("T"))
        XCTAssertEqual(s.items.map(\.id), [1, 2, 3, 10, 4, 5, 6, 7, 8, 9], "before the first waiting row")
        XCTAssertEqual(s.state.selectedID, 10)
        XCTAssertEqual(s.state.selectedIndex, 3)
        XCTAssertEqual(controller.calls.last, "move 10 top")
    }
}
