import Foundation
import TaroNet
@testable import TaroTUI
import XCTest

/// `F` lists every failed transfer with its reason; it scrolls, and Esc closes it.
final class FailuresScreenTests: XCTestCase {
    func testFListsEachFailureWithItsReasonEscapedAndScrolls() {
        var items = (1...30).map { Fixtures.item(UInt64($0), "file\($0).bin", .failed, error: "HTTP \(400 + $0)") }
        items.append(Fixtures.item(31, "ok.bin", .done))
        items.append(Fixtures.item(32, "evil\u{1b}[2J.bin", .failed, error: "bad\u{7}reason"))
        let controller = InMemoryTransferController(items: items)
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/dl"),
                                 size: TerminalSize(rows: 24, cols: 80))
        session.handle(.char("F"))
        var frame = session.frame()
        XCTAssertTrue(frame.lines.contains { $0.contains("31 failed") }, frame.lines.joined(separator: "\n"))
        XCTAssertTrue(frame.lines.contains { $0.contains("file1.bin") && $0.contains("HTTP 401") })
        XCTAssertFalse(frame.lines.contains { $0.contains("ok.bin") })
        assertTerminalSafe(frame)
        session.handle(.end)
        frame = session.frame()
        XCTAssertTrue(frame.lines.contains { $0.contains("evil") && $0.contains("reason") }, frame.lines.joined(separator: "\n"))
        XCTAssertFalse(frame.lines.contains { $0.contains("file1.bin ") })
        assertTerminalSafe(frame)
        session.handle(.escape)
        XCTAssertFalse(session.state.failuresVisible)
        XCTAssertTrue(session.frame().lines.contains { $0.contains("file1.bin") }, "the list is back")
    }
}
