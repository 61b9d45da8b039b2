import XCTest
import TaroNet
@testable import TaroTUI

/// A session's frames take the list rows that did not change from the last
/// frame (shared, so the terminal writer skips them) and lay out the rest
/// anew; either way every frame is exactly the one a fresh render makes.
final class RowReuseTests: XCTestCase {
    private static let size = TerminalSize(rows: 24, cols: 100)

    private func session(_ count: Int = 200) -> (AppSession, InMemoryTransferController) {
        let items = (1...count).map { Fixtures.item(UInt64($0), "f\($0).bin", .active, done: 10, total: 100) }
        let controller = InMemoryTransferController(items: items)
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/dl"),
                                 size: Self.size)
        return (session, controller)
    }

    /// What a render with nothing to reuse makes of the session's state now.
    private func fresh(_ session: AppSession) -> ScreenBuffer {
        ScreenRenderer.render(session.state, items: session.shown, totals: session.totals, size: session.state.size)
    }

    private func listRows(_ session: AppSession) -> Range<Int> { session.state.layout.listRows }

    func testOnlyTheChangedRowIsLaidOutAgainAndTheFrameIsWhatAFreshRenderMakes() {
        let (session, controller) = session()
        let first = session.frame()
        XCTAssertEqual(first, fresh(session))
        controller.update(id: 3) { $0.bytesDone = 50 }
        XCTAssertTrue(session.refresh())
        let second = session.frame()
        XCTAssertEqual(second, fresh(session))
        let changedRow = listRows(session).lowerBound + 2
        XCTAssertTrue(second.lines[changedRow].contains(" 50% "), second.lines[changedRow])
        for row in listRows(session) {
            XCTAssertEqual(second.sharesRow(row, with: first), row != changedRow, "row \(row)")
        }
        // The heading stays as it was; the totals line is laid out every frame.
        XCTAssertTrue(second.sharesRow(0, with: first))
        XCTAssertFalse(second.sharesRow(session.state.layout.totalsRow!, with: first))
    }

    func testAnotherOrderRedrawsTheHeadingWithItsArrow() {
        let (session, _) = session()
        let first = session.frame()
        session.handle(.character("s"))
        let sorted = session.frame()
        XCTAssertEqual(sorted, fresh(session))
        XCTAssertFalse(sorted.sharesRow(0, with: first))
        XCTAssertNotEqual(sorted.lines[0], first.lines[0])
        session.handle(.character("?"))
        XCTAssertEqual(session.frame(), fresh(session), "help in place of the list")
        session.handle(.escape)
        XCTAssertEqual(session.frame(), fresh(session), "the list again, heading and all")
    }

    func testMovingTheSelectionRedrawsTheTwoRowsItLeftAndReached() {
        let (session, _) = session()
        let first = session.frame()
        session.handle(.down)
        let second = session.frame()
        XCTAssertEqual(second, fresh(session))
        let top = listRows(session).lowerBound
        for row in listRows(session) {
            XCTAssertEqual(second.sharesRow(row, with: first), row != top && row != top + 1, "row \(row)")
        }
        XCTAssertTrue(second.lines[top + 1].hasPrefix(">↓ f2.bin"), second.lines[top + 1])
    }

    func testScrollingMarkingAndFocusShowWhatAFreshRenderShows() {
        let (session, _) = session()
        _ = session.frame()
        for key: Key in [.pageDown, .down, .character(" "), .enter, .tab, .up, .tab, .end, .home, .enter] {
            session.handle(key)
            XCTAssertEqual(session.frame(), fresh(session), "after \(key)")
        }
    }

    func testANarrowerScreenReusesNothing() {
        let (session, _) = session()
        let first = session.frame()
        session.handle(.resize(TerminalSize(rows: 24, cols: 70)))
        let narrow = session.frame()
        XCTAssertEqual(narrow, fresh(session))
        for row in listRows(session) { XCTAssertFalse(narrow.sharesRow(row, with: first)) }
        XCTAssertTrue(narrow.lines[listRows(session).lowerBound].count <= 70)
    }

    func testARemovedRowShiftsTheRowsBelowItAndEachShowsItsOwnTransfer() {
        let (session, controller) = session()
        _ = session.frame()
        controller.drop([2])
        XCTAssertTrue(session.refresh())
        let frame = session.frame()
        XCTAssertEqual(frame, fresh(session))
        XCTAssertTrue(frame.lines[listRows(session).lowerBound + 1].hasPrefix(" ↓ f3.bin"),
                      frame.lines[listRows(session).lowerBound + 1])
    }
}
