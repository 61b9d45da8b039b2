import XCTest
import Foundation
import TaroNet
@testable import TaroTUI

/// The screen at 100,000 transfers: only visible rows are laid out and the
/// rows are kept from the change feed, so a frame and a tick must stay far
/// below the 2 ms budget (release build:
/// `swift test -c release -Xswiftc -enable-testing --filter RenderBenchmarkTests`).
/// Times are printed, not asserted: test machines vary too much for a hard
/// limit. What is asserted is what the screen shows and that idle costs
/// nothing.
final class RenderBenchmarkTests: XCTestCase {
    static let count = 100_000
    static let size = TerminalSize(rows: 40, cols: 120)

    private static func milliseconds(_ elapsed: Duration) -> Double {
        Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
    }

    private static func report(_ what: String, _ samples: [Double]) {
        let sorted = samples.sorted()
        print(String(format: "%@ with %d transfers: median %.3f ms, p95 %.3f ms, max %.3f ms (%d samples)",
                     what, count, sorted[sorted.count / 2], sorted[sorted.count * 95 / 100],
                     sorted[sorted.count - 1], sorted.count))
    }

    /// 16 moving, the rest waiting: what W8 measures.
    private static func session(alwaysFull: Bool = false) -> (AppSession, InMemoryTransferController) {
        var items = Fixtures.many(count)
        for index in items.indices { items[index].state = index < 16 ? .active : .queued }
        let controller = InMemoryTransferController(items: items, alwaysFull: alwaysFull)
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/x"), size: size)
        _ = session.frameIfNeeded()
        return (session, controller)
    }

    func testAHundredThousandTransfersShowTheRightRowsAfterEnd() {
        let items = TransferRows(Fixtures.many(Self.count))
        let totals = TransferTotals.summing(Fixtures.many(Self.count))
        var state = AppState(downloadDirectory: "/tmp/x", size: Self.size)
        state.reconcile(with: items)
        _ = AppReducer.reduce(&state, .end, items: items)
        XCTAssertEqual(state.selectedID, UInt64(Self.count))
        let lines = ScreenRenderer.render(state, items: items, totals: totals, size: state.size).lines
        let listRows = state.layout.listRows
        XCTAssertTrue(lines[listRows.upperBound - 1].hasPrefix(">↓ file-100000.bin"), lines[listRows.upperBound - 1])
        XCTAssertTrue(lines[listRows.lowerBound].hasPrefix(" ↓ file-\(Self.count - listRows.count + 1).bin"))
        XCTAssertTrue(lines[38].hasPrefix(" 85714 active · 14286 queued · 0 done"), lines[38])
        _ = AppReducer.reduce(&state, .pageUp, items: items)
        let afterPage = ScreenRenderer.render(state, items: items, totals: totals, size: state.size).lines
        XCTAssertTrue(afterPage[listRows.lowerBound].hasPrefix(">↓ file-\(Self.count - listRows.count).bin"),
                      afterPage[listRows.lowerBound])
    }

    func testFrameTimeAt120x40() {
        let items = TransferRows(Fixtures.many(Self.count))
        let totals = TransferTotals.summing(Fixtures.many(Self.count))
        var state = AppState(downloadDirectory: "/tmp/x", size: Self.size)
        state.reconcile(with: items)
        var samples: [Double] = []
        var checksum = 0
        for index in 0..<201 {
            // Move the selection so consecutive frames differ, as they do live.
            state.select(index: (index * 397) % Self.count, in: items)
            let start = ContinuousClock.now
            let frame = ScreenRenderer.render(state, items: items, totals: totals, size: state.size)
            samples.append(Self.milliseconds(ContinuousClock.now - start))
            checksum &+= frame.cells.count
        }
        Self.report("render 120x40", samples)
        XCTAssertEqual(checksum, 201 * 120 * 40)
    }

    /// A tick as the app loop runs it while 16 transfers move: read the
    /// feed (16 changed rows), apply them, follow the selection, render.
    func testTickTimeWithSixteenMovingAndTheRestWaiting() {
        let (session, controller) = Self.session()
        var samples: [Double] = []
        for round in 0..<201 {
            for id in UInt64(1)...16 { controller.update(id: id) { $0.bytesDone += Int64(round) } }
            let start = ContinuousClock.now
            XCTAssertTrue(session.refresh())
            let frame = session.frameIfNeeded()
            samples.append(Self.milliseconds(ContinuousClock.now - start))
            XCTAssertNotNil(frame)
        }
        Self.report("tick (feed + apply + render), 16 moving", samples)
        XCTAssertEqual(controller.fullAnswers, 1)
    }

    /// The same with a controller that answers every change with the whole
    /// list (TransferManager until its feed is incremental): the rows are
    /// compared and the 16 that differ overwritten, nothing rebuilt. The
    /// time includes building and freeing the 100,000-row answer.
    func testTickTimeWhenEveryAnswerIsTheWholeList() {
        let (session, controller) = Self.session(alwaysFull: true)
        var samples: [Double] = []
        for round in 0..<51 {
            for id in UInt64(1)...16 { controller.update(id: id) { $0.bytesDone += Int64(round) } }
            let start = ContinuousClock.now
            XCTAssertTrue(session.refresh())
            _ = session.frameIfNeeded()
            samples.append(Self.milliseconds(ContinuousClock.now - start))
            XCTAssertEqual(session.items[15].bytesDone, controller.items[15].bytesDone)
        }
        Self.report("tick, whole list in every answer, 16 moving", samples)
        XCTAssertEqual(controller.fullAnswers, 52)
    }

    /// A tick while a list is imported: 1,000 new rows each time.
    func testTickTimeWhileAThousandRowsArriveEachTick() {
        let (session, controller) = Self.session()
        var samples: [Double] = []
        var next = UInt64(Self.count + 1)
        for _ in 0..<51 {
            controller.append((0..<1000).map { offset in Fixtures.item(next + UInt64(offset), "new.bin", .queued) })
            next += 1000
            let start = ContinuousClock.now
            session.refresh()
            _ = session.frameIfNeeded()
            samples.append(Self.milliseconds(ContinuousClock.now - start))
        }
        Self.report("tick, 1,000 rows appended", samples)
        XCTAssertEqual(session.items.count, Self.count + 51_000)
    }

    /// Removing rows from the middle, one per tick: never O(n).
    func testTickTimeWhenARowIsRemovedFromTheMiddle() {
        let (session, controller) = Self.session()
        var samples: [Double] = []
        for round in 0..<201 {
            controller.drop([UInt64(Self.count / 2 + round * 7)])
            let start = ContinuousClock.now
            session.refresh()
            _ = session.frameIfNeeded()
            samples.append(Self.milliseconds(ContinuousClock.now - start))
        }
        Self.report("tick, one row removed mid-list", samples)
        XCTAssertEqual(session.items.count, Self.count - 201)
    }

    /// Nothing changed: the feed answers empty and nothing is drawn.
    func testIdleTickTime() {
        let (session, controller) = Self.session()
        var samples: [Double] = []
        let sentBefore = controller.rowsSent
        for _ in 0..<1001 {
            let start = ContinuousClock.now
            XCTAssertFalse(session.refresh())
            XCTAssertNil(session.frameIfNeeded())
            samples.append(Self.milliseconds(ContinuousClock.now - start))
        }
        Self.report("idle tick", samples)
        XCTAssertEqual(controller.rowsSent, sentBefore)
    }

    func testReduceTimeForAKey() {
        let items = TransferRows(Fixtures.many(Self.count))
        var state = AppState(downloadDirectory: "/tmp/x", size: Self.size)
        state.reconcile(with: items)
        var samples: [Double] = []
        for index in 0..<201 {
            let key: Key = index % 2 == 0 ? .pageDown : .up
            let start = ContinuousClock.now
            _ = AppReducer.reduce(&state, key, items: items)
            samples.append(Self.milliseconds(ContinuousClock.now - start))
        }
        Self.report("reduce a key", samples)
        XCTAssertEqual(state.selectedIndex, 101 * state.layout.listRows.count - 100)
    }
}
