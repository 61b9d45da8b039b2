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

    /// Opens `key`'s prompt, types `text` and accepts it.
    private func answer(_ key: Unicode.Scalar, _ text: String, in session: AppSession) {
        session.handle(.char(key))
        type(text, into: session)
        session.handle(.enter)
    }

    func testLSetsTheGlobalLimitsAndTheFooterShowsThem() {
        let (session, controller) = session()
        answer("l", "2M/512k", in: session)
        XCTAssertEqual(controller.calls, ["setRateLimits 2097152/524288"])
        session.refresh()
        let footer = session.frame().lines[22]
        XCTAssertTrue(footer.contains("max ↓2M/s ↑512K/s"), footer)
        // Only the upload part, then lifting everything.
        answer("l", "/0", in: session)
        answer("l", "0", in: session)
        XCTAssertEqual(controller.calls.last, "setRateLimits 0/0")
        session.refresh()
        XCTAssertFalse(session.frame().lines[22].contains("max "))
    }

    func testABadRateIsRefusedWithTheFormItWants() {
        let (session, controller) = session()
        answer("l", "fast", in: session)
        XCTAssertTrue(controller.calls.isEmpty)
        XCTAssertTrue(session.state.message?.text.contains("not a rate: fast") ?? false, "\(String(describing: session.state.message))")
        XCTAssertNotNil(session.state.prompt, "the prompt stays open to correct it")
    }

    func testCapitalLCapsTheSelectedTransferAndItsRowShowsIt() {
        let (session, controller) = session()
        answer("L", "256k", in: session)
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
