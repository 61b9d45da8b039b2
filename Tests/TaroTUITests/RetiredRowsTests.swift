import TaroNet
import XCTest

@testable import TaroTUI

/// When replaced lists leave the screen's thread: in batches while the list
/// keeps changing, at once when it goes quiet, and never in the middle of
/// a tick (only `handOverIfDue`, which the loop calls after drawing, sends).
final class RetiredRowsTests: XCTestCase {
    private func list(_ n: Int) -> TransferRows { TransferRows(Fixtures.many(n)) }

    func testRetiringNeverHandsOverByItself() {
        let retired = RetiredRows()
        for _ in 0..<(RetiredRows.batch * 2) { retired.retire(list(3)) }
        XCTAssertEqual(retired.waiting, RetiredRows.batch * 2, "retire only collects; the frame is not drawn yet")
    }

    func testABusyListGoesInFullBatches() {
        let retired = RetiredRows()
        for tick in 1..<RetiredRows.batch {
            retired.retire(list(3))
            retired.handOverIfDue()
            XCTAssertEqual(retired.waiting, tick, "tick \(tick): the batch is not full and the list is not quiet")
        }
        retired.retire(list(3))
        retired.handOverIfDue()
        XCTAssertEqual(retired.waiting, 0, "a full batch goes after the frame that filled it")
    }

    func testAQuietTickSendsWhatWaits() {
        let retired = RetiredRows()
        retired.retire(list(3))
        retired.handOverIfDue()
        XCTAssertEqual(retired.waiting, 1)
        retired.handOverIfDue()
        XCTAssertEqual(retired.waiting, 0, "a tick that retired nothing sends what waits")
    }
}
