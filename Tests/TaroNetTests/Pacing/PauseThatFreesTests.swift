import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// Pausing gives the slot to the next waiting transfer, and a long pause
/// closes the connection; resuming continues with a ranged request.
final class PauseThatFreesTests: LoopbackTestCase {
    func testPausingFourOfFourLetsTheFifthStart() {
        let manager = TransferManager(limit: 4)
        defer { manager.shutdown() }
        let ids = manager.addDownloads(urls: (0..<5).map { server.url("/bytes/50000000?rate=500000&seed=\($0)") },
                                       directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { self.states(manager, ids.prefix(4)).allSatisfy { $0 == .active } })
        XCTAssertEqual(state(manager, ids[4]), .queued, "four slots, four running")
        for id in ids.prefix(4) { manager.togglePause(id) }
        XCTAssertTrue(WireRate.wait(10) { [.active, .connecting].contains(self.state(manager, ids[4])) },
                      "the fifth starts in a freed slot")
        // The four pauses may reach the engine in more than one round: the
        // fifth can start after the first while the others are still on their way.
        XCTAssertTrue(WireRate.wait(10) { self.states(manager, ids.prefix(4)) == Array(repeating: .paused, count: 4) },
                      "\(states(manager, ids.prefix(4)))")
        // Resuming the four now: no slot is free for three of them, so they wait their turn.
        for id in ids.prefix(4) { manager.togglePause(id) }
        XCTAssertTrue(WireRate.wait(10) {
            self.states(manager, ids).filter { $0 == .active || $0 == .connecting }.count == 4
        })
        XCTAssertLessThanOrEqual(states(manager, ids).filter { $0 == .active || $0 == .connecting }.count, 4)
    }

    func testALongPauseClosesTheConnectionAndTheResumeIsByteExact() throws {
        let session = TaroSession(limits: SchedulerLimits(global: 4, perHost: 4, pauseGrace: 1))
        let manager = try TransferManager(options: ManagerOptions(limit: 4), session: session)
        defer { manager.shutdown() }
        let size = 3_000_000
        let id = manager.addDownload(url: server.url("/bytes/\(size)?rate=1000000&seed=7"), directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { (self.row(manager, id)?.bytesDone ?? 0) > 500_000 })
        manager.togglePause(id)
        XCTAssertTrue(WireRate.wait(10) { self.server.openConnections == 0 }, "the paused transfer's connection is closed")
        XCTAssertEqual(state(manager, id), .paused)
        let kept = fileSize(dir.file("\(size).part"))
        XCTAssertGreaterThan(kept, 0, "the .part is kept")
        manager.togglePause(id)
        XCTAssertTrue(WireRate.wait(20) { self.state(manager, id) == .done })
        XCTAssertEqual(try sha256sum(dir.file("\(size)")), DeterministicBody.sha256Hex(seed: 7, size: Int64(size)))
        let ranges = server.requestLog.compactMap { $0.header("Range") }
        XCTAssertEqual(ranges.count, 1, "one ranged request after the pause: \(ranges)")
        let start = ranges.first.flatMap { Int64($0.dropFirst("bytes=".count).dropLast()) } ?? 0
        XCTAssertGreaterThan(start, 0, "it continued from the .part: \(ranges)")
        XCTAssertLessThanOrEqual(start, kept)
    }

    private func row(_ manager: TransferManager, _ id: UInt64) -> TransferSnapshot? {
        manager.snapshot().items.first { $0.id == id }
    }

    private func state(_ manager: TransferManager, _ id: UInt64) -> TransferSnapshot.State? {
        row(manager, id)?.state
    }

    private func states(_ manager: TransferManager, _ ids: ArraySlice<UInt64>) -> [TransferSnapshot.State?] {
        ids.map { state(manager, $0) }
    }

    private func states(_ manager: TransferManager, _ ids: [UInt64]) -> [TransferSnapshot.State?] {
        ids.map { state(manager, $0) }
    }
}
