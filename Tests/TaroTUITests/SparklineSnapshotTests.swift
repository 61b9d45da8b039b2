import Foundation
import TaroNet
@testable import TaroTUI
import XCTest

/// The sparklines on screen (footer: the queue; header pane: the selected
/// row), and what the session does when the queue empties.
final class SparklineSnapshotTests: XCTestCase {
    private func session(cols: Int, config: AppConfig = AppConfig(downloadDirectory: "/tmp/dl"),
                         items: [TransferSnapshot] = [Fixtures.item(1, "a.iso", .active, done: 1, total: 100, speed: 100),
                                                      Fixtures.item(2, "b.iso", .queued)])
        -> (AppSession, InMemoryTransferController) {
        let controller = InMemoryTransferController(items: items, limit: 3)
        let session = AppSession(controller: controller, config: config, size: TerminalSize(rows: 24, cols: cols))
        return (session, controller)
    }

    /// Rates 100, 200, …, 800 bytes/s over eight seconds.
    private func ramp(_ session: AppSession, _ controller: InMemoryTransferController) {
        for step in 1...8 {
            controller.update(id: 1) { $0.bytesPerSecond = Double(step * 100) }
            session.refresh()
            session.sampleRates(atSecond: Int64(1000 + step))
        }
    }

    func testFooterShowsTheQueuesLastMinuteWhereItFits() {
        let (wide, controller) = session(cols: 140)
        ramp(wide, controller)
        let footer = wide.frame().lines[22]
        XCTAssertTrue(footer.hasSuffix("▁▂▃▄▅▆▇█"), footer)
        let (narrow, other) = session(cols: 60)
        ramp(narrow, other)
        let line = narrow.frame().lines[22]
        XCTAssertFalse(line.contains("█"), "a narrow footer keeps the counts: \(line)")
        XCTAssertTrue(line.contains("1 active"), line)
    }

    func testASCIIScreenDrawsTheSparklineInASCII() {
        var config = AppConfig(downloadDirectory: "/tmp/dl")
        config.asciiOnly = true
        let (session, controller) = session(cols: 140, config: config)
        ramp(session, controller)
        let footer = session.frame().lines[22]
        XCTAssertTrue(footer.hasSuffix("_..-==##"), footer)
        assertTerminalSafe(session.frame())
    }

    func testHeaderPaneTitleShowsTheSelectedRowsRates() {
        let (session, controller) = session(cols: 100)
        session.handle(.enter)
        XCTAssertTrue(session.state.paneOpen)
        ramp(session, controller)
        let frame = session.frame()
        let title = frame.lines.first { $0.contains("Headers: a.iso") } ?? ""
        XCTAssertTrue(title.contains(" ▁▂▃▄▅▆▇█ "), title)
        // Another row has a history of its own, empty so far.
        session.handle(.down)
        session.sampleRates(atSecond: 2000)
        let other = session.frame().lines.first { $0.contains("Headers: b.iso") } ?? ""
        XCTAssertFalse(other.contains("█"), other)
    }

    func testEmptyQueueSaysAllDoneAndNotifiesOnce() {
        var config = AppConfig(downloadDirectory: "/tmp/dl")
        config.notify = .osc9
        let (session, controller) = session(cols: 100, config: config)
        XCTAssertEqual(session.takeNotification(), "")
        controller.update(id: 1) { $0.state = .done }
        controller.update(id: 2) { $0.state = .failed; $0.errorMessage = "HTTP 404" }
        session.refresh()
        XCTAssertEqual(session.state.message?.text, "All done: 1 done, 1 failed (press F to list failures)")
        XCTAssertEqual(session.takeNotification(),
                       "\u{1b}]9;taro-tui: All done: 1 done, 1 failed (press F to list failures)\u{07}")
        XCTAssertEqual(session.takeNotification(), "", "once per emptying")
        XCTAssertTrue(session.frame().lines[23].contains("All done: 1 done"))
    }
}
