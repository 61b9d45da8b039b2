import Foundation
import TaroNet
@testable import TaroTUI
import XCTest

/// `l` and `L` set rate limits live; the footer shows the global ones, a
/// row its own cap, and a row waiting for a cooling host says why and until when.
final class RateLimitKeysTests: XCTestCase {
    private func session(_ items: [TransferSnapshot] = Fixtures.mixed) -> (AppSession, InMemoryTransferController) {
        let controller = InMemoryTransferController(items: items, limit: 3)
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/dl"),
                                 size: TerminalSize(rows: 24, cols: 100))
        return (session, controller)
    }

    private func type(_ text: String, into session: AppSession) {
        for scalar in text.unicodeScalars { session.handle(.character(scalar)) }
    }

    func testLSetsTheGlobalLimitsAndTheFooterShowsThem() {
        let (session, controller) = session()
        session.handle(.char("l"))
        type("2M/512k", into: session)
        session.handle(.enter)
        XCTAssertEqual(controller.calls, ["setRateLimits 2097152/524288"])
        session.refresh()
        let footer = session.frame().lines[22]
        XCTAssertTrue(footer.contains("max ↓2M/s ↑512K/s"), footer)
        // Only the upload part, then lifting everything.
        session.handle(.char("l"))
        type("/0", into: session)
        session.handle(.enter)
        session.handle(.char("l"))
        type("0", into: session)
        session.handle(.enter)
        XCTAssertEqual(controller.calls.last, "setRateLimits 0/0")
        session.refresh()
        XCTAssertFalse(session.frame().lines[22].contains("max "))
    }

    func testABadRateIsRefusedWithTheFormItWants() {
        let (session, controller) = session()
        session.handle(.char("l"))
        type("fast", into: session)
        session.handle(.enter)
        XCTAssertTrue(controller.calls.isEmpty)
        XCTAssertTrue(session.state.message?.text.contains("not a rate: fast") ?? false, "\(String(describing: session.state.message))")
        XCTAssertNotNil(session.state.prompt, "the prompt stays open to correct it")
    }

    func testCapitalLCapsTheSelectedTransferAndItsRowShowsIt() {
        let (session, controller) = session()
        session.handle(.char("L"))
        type("256k", into: session)
        session.handle(.enter)
        XCTAssertEqual(controller.calls, ["setRateLimit 262144 1"])
        session.refresh()
        XCTAssertTrue(session.frame().lines[1].contains("max 256K/s"), session.frame().lines[1])
    }

    func testARowWaitingForACoolingHostSaysWhyAndUntilWhen() {
        var row = TransferSnapshot(id: 1, kind: .download, url: "http://h/a", name: "a.bin", state: .queued)
        let until = Date().addingTimeInterval(30)
        row.hostWait = HostWait(reason: "HTTP 429 Retry-After", until: until)
        let (session, _) = session([row])
        let line = session.frame().lines[1]
        XCTAssertTrue(line.contains("host cooling down (HTTP 429 Retry-After) until \(TransferRowView.clock(until))"), line)
    }

    func testTheHelpScreenListsTheKeys() {
        XCTAssertTrue(KeyHelp.sections.flatMap(\.entries).contains { $0.keys == "l" })
        XCTAssertTrue(KeyHelp.sections.flatMap(\.entries).contains { $0.keys == "L" })
    }
}
