import XCTest
import TaroNet
@testable import TaroTUI

/// `s` cycles the column the list is sorted by, `S` reverses it; the
/// heading says which. The queue itself is not reordered by it.
final class SortTests: XCTestCase {
    private func session() -> (AppSession, InMemoryTransferController) {
        let controller = InMemoryTransferController(items: Fixtures.mixed)
        return (AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/x"),
                           size: TerminalSize(rows: 24, cols: 80)), controller)
    }

    func testSCyclesEveryKeyAndSReverses() {
        var h = ReducerHarness()
        var seen: [String] = []
        for _ in 0..<7 {
            h.press(.char("s"))
            seen.append(h.state.order.label(ascii: false))
        }
        XCTAssertEqual(seen, ["sorted by name ↑", "sorted by size ↓", "sorted by progress ↓", "sorted by speed ↓",
                              "sorted by state ↑", "sorted by added ↑", "in queue order ↑"])
        h.press(.char("S"))
        XCTAssertEqual(h.state.message?.text, "List in queue order ↓.")
    }

    func testSortedBySpeedShowsFastestFirstAndTheHeadingSaysSo() {
        let (s, controller) = session()
        for _ in 0..<4 { s.handle(.character("s")) }
        XCTAssertEqual(s.state.order, RowOrder(key: .speed, descending: true))
        XCTAssertEqual(Array(s.shown.prefix(3)).map(\.name), ["ubuntu-24.04-desktop-amd64.iso", "数据集-データ.bin", "stream.log"])
        let heading = s.frame().lines[0]
        XCTAssertTrue(heading.contains("SIZE     SPEED↓    ETA STATE"), heading)
        s.handle(.character("s"))
        s.handle(.character("s"))
        XCTAssertTrue(s.frame().lines[0].hasPrefix("   NAME (added↑)"), s.frame().lines[0])
        for _ in 0..<5 { s.handle(.character("s")) }
        // A row that speeds up moves to the top on the next tick.
        controller.update(id: 3) { $0.bytesPerSecond = 100 * 1_048_576 }
        s.refresh()
        XCTAssertEqual(s.shown.first?.name, "stream.log")
        XCTAssertEqual(s.items.map(\.id), Array(1...9), "the queue order underneath is untouched")
        s.handle(.character("S"))
        XCTAssertEqual(s.shown.first?.name, s.shown.filter { _ in true }.min { $0.bytesPerSecond < $1.bytesPerSecond }?.name)
    }

    func testSortAndFilterTogetherAndSelectionFollowsItsRow() {
        let (s, _) = session()
        s.handle(.character("s"))  // by name
        XCTAssertEqual(s.shown.map(\.name), ["aborted.iso", "connecting.dat", "done.zip", "paused.tar.gz", "photo.jpg",
                                            "stream.log", "timeout.bin", "ubuntu-24.04-desktop-amd64.iso", "数据集-データ.bin"])
        XCTAssertEqual(s.state.selectedID, 1, "the selected row stays selected where it moved")
        XCTAssertEqual(s.state.selectedIndex, 7)
        s.handle(.character("/"))
        for scalar in ".i".unicodeScalars { s.handle(.character(scalar)) }
        XCTAssertEqual(s.shown.map(\.name), ["aborted.iso", "ubuntu-24.04-desktop-amd64.iso"])
        XCTAssertEqual(s.frame().lines[22].prefix(14), " 2 of 9 shown ")
    }
}
