import XCTest
import TaroNet
@testable import TaroTUI

/// A transfer being retried says which attempt comes and why, on its row;
/// the header pane lists every failed attempt; a row that gave up says how
/// many attempts it made.
final class AttemptDisplayTests: XCTestCase {
    private var items: [TransferSnapshot] {
        var waiting = Fixtures.item(1, "flaky.bin", .queued, done: 4 * Fixtures.MiB, total: 10 * Fixtures.MiB,
                                    error: "HTTP 503 Service Unavailable")
        waiting.attempt = 3
        waiting.attemptLog = [
            "attempt 1 failed: Recv failure: Connection reset by peer; retrying in 0.4 s",
            "attempt 2 failed: HTTP 503 Service Unavailable; retrying in 2.0 s",
        ]
        var gaveUp = Fixtures.item(2, "gone.bin", .failed, error: "HTTP 503 Service Unavailable")
        gaveUp.attempt = 8
        return [waiting, gaveUp]
    }

    func testTheRowSaysWhichAttemptComesAndWhy() {
        let lines = SnapshotScenes.render(SnapshotScenes.state(10, 120, items: items), items).lines
        XCTAssertTrue(lines[1].contains("attempt 3 after: HTTP 503 Service Unavailable"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("queued"), lines[1])
        XCTAssertTrue(lines[2].contains("HTTP 503 Service Unavailable (after 8 attempts)"), lines[2])
    }

    func testThePaneListsEveryFailedAttempt() {
        let items = self.items
        var state = SnapshotScenes.state(30, 120, items: items)
        state.select(index: 0, in: items)
        state.paneOpen = true
        let text = SnapshotScenes.render(state, items).lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("State          queued, attempt 3"), text)
        XCTAssertTrue(text.contains("Last error     HTTP 503 Service Unavailable"), text)
        XCTAssertTrue(text.contains("Attempts       attempt 1 failed: Recv failure: Connection reset by peer"), text)
        XCTAssertTrue(text.contains("               attempt 2 failed: HTTP 503 Service Unavailable; retrying in 2.0 s"), text)
    }
}
