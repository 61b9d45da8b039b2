import XCTest
import TaroNet
@testable import TaroTUI

/// The session on the change feed: after the first full answer each tick
/// applies only what changed, an idle tick does nothing, and the selection
/// stays on its transfer (or the one that followed it) as rows come and go.
final class AppSessionFeedTests: XCTestCase {
    private func session(_ count: Int, state: TransferSnapshot.State = .done, rows: Int = 24)
        -> (AppSession, InMemoryTransferController) {
        let items = (1...count).map { Fixtures.item(UInt64($0), "f\($0).bin", state, done: 10, total: 10) }
        let controller = InMemoryTransferController(items: items)
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/dl"),
                                 size: TerminalSize(rows: rows, cols: 80))
        return (session, controller)
    }

    private func select(_ id: UInt64, in session: AppSession) {
        session.handle(.home)
        for _ in 1..<id { session.handle(.down) }
        XCTAssertEqual(session.state.selectedID, id)
    }

    func testAfterTheFirstFullAnswerAnIdleTickReceivesNothingAndDrawsNothing() {
        let (session, controller) = session(1000)
        XCTAssertEqual(controller.fullAnswers, 1)
        XCTAssertEqual(controller.rowsSent, 1000)
        XCTAssertNotNil(session.frameIfNeeded())
        for _ in 0..<10 { XCTAssertFalse(session.refresh()) }
        XCTAssertNil(session.frameIfNeeded())
        XCTAssertEqual(controller.rowsSent, 1000)
        XCTAssertEqual(controller.fullAnswers, 1)
    }

    func testOneChangedRowIsAllThatCrossesAndItIsShownInPlace() {
        let (session, controller) = session(1000, state: .active)
        _ = session.frameIfNeeded()
        controller.update(id: 3) { $0.bytesDone = 5 }
        XCTAssertTrue(session.refresh())
        XCTAssertEqual(controller.rowsSent, 1001)
        XCTAssertEqual(controller.fullAnswers, 1)
        XCTAssertEqual(session.items[2].bytesDone, 5)
        XCTAssertEqual(session.items.count, 1000)
        let screen = session.frame()
        XCTAssertTrue(screen.lines[3].hasPrefix(" ↓ f3.bin"), screen.lines[3])
        XCTAssertTrue(screen.lines[3].contains(" 50% "), screen.lines[3])
    }

    func testNewRowsAreAppendedInQueueOrder() {
        let (session, controller) = session(5)
        controller.append([Fixtures.item(7, "seven", .queued), Fixtures.item(6, "six", .queued)])
        controller.update(id: 2) { $0.attempt = 2 }
        XCTAssertTrue(session.refresh())
        XCTAssertEqual(session.items.map(\.id), [1, 2, 3, 4, 5, 7, 6])
        XCTAssertEqual(controller.fullAnswers, 1)
    }

    func testRemovalsAboveTheSelectionKeepItOnItsRow() {
        let (session, controller) = session(20)
        select(10, in: session)
        controller.drop([2, 3])
        XCTAssertTrue(session.refresh())
        XCTAssertEqual(session.state.selectedID, 10)
        XCTAssertEqual(session.state.selectedIndex, 7)
        XCTAssertTrue(session.frame().lines[8].hasPrefix(">↓ f10.bin"))
        XCTAssertEqual(controller.fullAnswers, 1)
    }

    func testRemovingTheSelectedRowSelectsTheOneThatFollowedIt() {
        let (session, controller) = session(20)
        select(10, in: session)
        // A row above goes too, in the same answer: the selection must not
        // stay at index 9, which now holds f12.
        controller.drop([4, 10])
        XCTAssertTrue(session.refresh())
        XCTAssertEqual(session.state.selectedID, 11)
        XCTAssertEqual(session.state.selectedIndex, 8)
        XCTAssertTrue(session.frame().lines[9].hasPrefix(">↓ f11.bin"))
    }

    func testRemovingTheSelectedLastRowSelectsTheNewLast() {
        let (session, controller) = session(20)
        session.handle(.end)
        controller.drop([20])
        session.refresh()
        XCTAssertEqual(session.state.selectedID, 19)
        controller.drop(Array(1...19))
        session.refresh()
        XCTAssertNil(session.state.selectedID)
        XCTAssertTrue(session.items.isEmpty)
    }

    func testPressingDRemovesThroughTheFeedWithoutAFullAnswer() {
        let (session, controller) = session(50)
        select(25, in: session)
        session.handle(.char("d"))
        XCTAssertEqual(controller.calls, ["remove 25"])
        XCTAssertEqual(session.items.count, 49)
        XCTAssertEqual(session.state.selectedID, 26)
        XCTAssertEqual(controller.fullAnswers, 1)
    }

    func testAFullAnswerAfterAReorderReplacesTheRows() {
        let (session, controller) = session(5)
        select(2, in: session)
        controller.update { $0.reverse() }
        XCTAssertTrue(session.refresh())
        XCTAssertEqual(controller.fullAnswers, 2)
        XCTAssertEqual(session.items.map(\.id), [5, 4, 3, 2, 1])
        XCTAssertEqual(session.state.selectedID, 2)
        XCTAssertEqual(session.state.selectedIndex, 3)
    }

    func testTheFooterShowsTheFeedsTotals() {
        let (session, controller) = session(3, state: .queued)
        XCTAssertTrue(session.frame().lines[22].hasPrefix(" 0 active · 3 queued · 0 done"), session.frame().lines[22])
        controller.update(id: 1) {
            $0.state = .active
            $0.bytesPerSecond = 2 * 1_048_576
        }
        session.refresh()
        XCTAssertEqual(session.totals.active, 1)
        let footer = session.frame().lines[22]
        XCTAssertTrue(footer.hasPrefix(" 1 active · 2 queued · 0 done · 0 failed · 2.0 MiB/s"), footer)
    }
}
