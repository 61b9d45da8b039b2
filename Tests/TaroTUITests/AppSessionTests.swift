import XCTest
import TaroNet
@testable import TaroTUI

/// The app loop's logic without a terminal: keys reach the controller, and a
/// frame is produced only when something visible changed.
final class AppSessionTests: XCTestCase {
    private func session(_ items: [TransferSnapshot] = Fixtures.mixed)
        -> (AppSession, InMemoryTransferController) {
        let controller = InMemoryTransferController(items: items, limit: 3)
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/dl"),
                                 size: TerminalSize(rows: 24, cols: 80))
        return (session, controller)
    }

    private func type(_ text: String, into session: AppSession) {
        for scalar in text.unicodeScalars { session.handle(.character(scalar)) }
    }

    func testTypingAURLQueuesADownloadThatAppearsAtOnce() {
        let (session, controller) = session([])
        session.handle(.char("a"))
        type("https://example.com/big.bin", into: session)
        session.handle(.enter)
        XCTAssertEqual(controller.calls, ["queueDownload https://example.com/big.bin -> /tmp/dl"])
        XCTAssertEqual(session.items.count, 1)
        let screen = session.frame()
        XCTAssertTrue(screen.lines[1].hasPrefix(">↓ big.bin"), screen.lines[1])
        XCTAssertTrue(screen.lines[1].hasSuffix("queued"), screen.lines[1])
    }

    func testUploadGoesThroughBothPrompts() {
        let (session, controller) = session([])
        session.handle(.char("u"))
        type("/home/me/a.txt", into: session)
        session.handle(.enter)
        type("https://example.com/up", into: session)
        session.handle(.enter)
        XCTAssertEqual(controller.calls, ["queueUpload /home/me/a.txt -> https://example.com/up field file"])
        XCTAssertTrue(session.frame().lines[1].hasPrefix(">↑ a.txt"))
    }

    func testAbortShowsAbortedAndRemoveDropsTheRow() {
        let (session, controller) = session()
        session.handle(.down)
        session.handle(.char("x"))
        XCTAssertEqual(controller.calls, ["abort 2"])
        XCTAssertTrue(session.frame().lines[2].hasSuffix("aborted"))
        session.handle(.char("d"))
        XCTAssertEqual(controller.calls, ["abort 2", "remove 2"])
        XCTAssertFalse(session.items.contains { $0.id == 2 })
        XCTAssertEqual(session.state.selectedID, 3)   // the next one moved into its place
    }

    func testPauseRetryAndConcurrencyReachTheController() {
        let (session, controller) = session()
        session.handle(.char("p"))
        session.handle(.end)
        session.handle(.char("k"))
        session.handle(.char("r"))   // aborted.iso, second to last
        session.handle(.char("+"))
        XCTAssertEqual(controller.calls, ["togglePause 1", "retry 8", "setConcurrencyLimit 4"])
        XCTAssertEqual(controller.concurrencyLimit, 4)
    }

    func testAFrameIsDueOnlyWhenSomethingChanged() {
        let (session, controller) = session()
        XCTAssertNotNil(session.frameIfNeeded())
        XCTAssertNil(session.frameIfNeeded())
        XCTAssertFalse(session.refresh())            // same version: nothing to do
        XCTAssertNil(session.frameIfNeeded())
        controller.update { $0[0].bytesDone += 1_048_576 }
        XCTAssertTrue(session.refresh())
        XCTAssertNotNil(session.frameIfNeeded())
        session.handle(.char("z"))                   // a key that changes nothing
        XCTAssertNil(session.frameIfNeeded())
        session.handle(.char("j"))
        XCTAssertNotNil(session.frameIfNeeded())
    }

    func testConcurrencyLimitChangedElsewhereIsMirrored() {
        let (session, controller) = session()
        controller.setConcurrencyLimit(9)
        XCTAssertTrue(session.refresh())
        XCTAssertEqual(session.state.concurrencyLimit, 9)
    }

    func testQuitWithRunningTransfersNeedsY() {
        let (session, _) = session()
        XCTAssertFalse(session.handle(.char("q")).quit)
        XCTAssertTrue(session.frame().lines[23].contains("Quit anyway? (y/N)"))
        XCTAssertTrue(session.handle(.char("y")).quit)
    }

    func testSelectionFollowsATransferWhenTheControllerReordersTheList() {
        let (session, controller) = session()
        session.handle(.char("j"))
        session.handle(.char("j"))
        XCTAssertEqual(session.state.selectedID, 3)
        controller.update { $0.reverse() }
        session.refresh()
        XCTAssertEqual(session.state.selectedID, 3)
        XCTAssertEqual(session.state.selectedIndex, 6)
        XCTAssertTrue(session.frame().lines[7].hasPrefix(">↓ stream.log"))
    }

    func testConfigFromEnvironmentHonoursNoColor() {
        XCTAssertFalse(AppConfig.fromEnvironment(downloadDirectory: ".", environment: ["NO_COLOR": "1"]).useColor)
        XCTAssertTrue(AppConfig.fromEnvironment(downloadDirectory: ".", environment: ["NO_COLOR": ""]).useColor)
        XCTAssertTrue(AppConfig.fromEnvironment(downloadDirectory: ".", environment: [:]).useColor)
        XCTAssertEqual(AppConfig(downloadDirectory: ".").tickMilliseconds, 100)
        XCTAssertEqual(AppConfig(downloadDirectory: ".", tick: .seconds(30)).tickMilliseconds, 1000)
    }
}
