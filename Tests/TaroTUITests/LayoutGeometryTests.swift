import XCTest
import TaroNet
@testable import TaroTUI

/// Every size from tiny to huge, every screen: nothing crashes, nothing is
/// written past an edge, wide names keep the columns aligned.
final class LayoutGeometryTests: XCTestCase {
    func testEverySizeRendersSafely() {
        var items = SnapshotScenes.mixedWithExchange
        items.append(Fixtures.item(50, String(repeating: "数据", count: 40), .active, done: 1, total: 2, speed: 3))
        var sizes: [TerminalSize] = []
        for rows in [0, 1, 2, 3, 4, 5, 10, 24, 100] {
            for cols in [0, 1, 2, 5, 10, 17, 25, 39, 40, 41, 59, 80, 81, 120, 300] {
                sizes.append(TerminalSize(rows: rows, cols: cols))
            }
        }
        for size in sizes {
            var state = AppState(downloadDirectory: "/tmp/x", size: size)
            state.reconcile(with: items)
            state.select(index: 5, in: items)
            let variants: [(inout AppState) -> Void] = [
                { _ in },
                { $0.paneOpen = true },
                { $0.paneOpen = true; $0.focus = .pane; $0.paneScroll = 1000 },
                { $0.helpVisible = true; $0.helpScroll = 1000 },
                { $0.prompt = Prompt(purpose: .downloadURL, text: "https://数据.example/" + String(repeating: "y", count: 400)) },
                { $0.message = StatusMessage(String(repeating: "long message ", count: 50), kind: .question) },
            ]
            for variant in variants {
                var copy = state
                variant(&copy)
                let screen = ScreenRenderer.render(copy, items: items, size: size)
                XCTAssertEqual(screen.size, size)
                XCTAssertEqual(screen.cells.count, size.rows * size.cols)
                assertTerminalSafe(screen)
            }
        }
    }

    func testWideNamesKeepTheColumnsAligned() {
        let items = [
            Fixtures.item(1, "数据集-データ.bin", .active, done: 5, total: 10, speed: 1),
            Fixtures.item(2, "ascii-name.bin", .active, done: 5, total: 10, speed: 1),
            Fixtures.item(3, "한국어파일이름이아주길다.txt", .active, done: 5, total: 10, speed: 1),
            Fixtures.item(4, "e\u{301}mile\u{301}.txt", .active, done: 5, total: 10, speed: 1),
        ]
        for cols in [40, 57, 80, 121, 200] {
            var state = AppState(downloadDirectory: "/tmp/x", size: TerminalSize(rows: 10, cols: cols))
            state.reconcile(with: items)
            let screen = ScreenRenderer.render(state, items: items, size: state.size)
            let barX = TransferColumns(width: cols).barX
            for row in 1...4 {
                XCTAssertEqual(screen[row, barX].grapheme, "[", "cols \(cols) row \(row): \(screen.lines[row])")
            }
        }
    }

    func testColumnsDropInOrderAsTheScreenNarrows() {
        let wide = TransferColumns(width: 120)
        XCTAssertNotNil(wide.speedX)
        XCTAssertNotNil(wide.etaX)
        XCTAssertNotNil(wide.sizeX)
        let medium = TransferColumns(width: 64)
        XCTAssertNil(medium.speedX)         // speed goes first
        XCTAssertNotNil(medium.etaX)
        XCTAssertNotNil(medium.sizeX)
        let narrow = TransferColumns(width: 40)
        XCTAssertNil(narrow.etaX)
        XCTAssertNil(narrow.sizeX)
        XCTAssertGreaterThan(narrow.barWidth, 0)
        XCTAssertGreaterThanOrEqual(narrow.nameWidth, TransferColumns.minimumName)
        for width in 0...300 {
            let columns = TransferColumns(width: width)
            if width >= 40 {
                XCTAssertEqual(columns.stateX + TransferColumns.stateWidth, width, "width \(width)")
            }
        }
    }
}
