import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// Moving waiting rows: the list, the scheduler's starts and the saved
/// records all take the new order, and a restart keeps it.
final class ManagerReorderTests: LoopbackTestCase {
    private func names(_ manager: TransferManager) -> [String] { manager.snapshot().items.map(\.name) }

    /// A row that has left the queue is no longer "waiting": moves pass it by.
    private func waitUntilRunning(_ manager: TransferManager, _ id: UInt64) {
        let deadline = Date().addingTimeInterval(10)
        while manager.snapshot().items.first(where: { $0.id == id })?.state == .queued && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    func testTheSchedulerStartsInTheNewOrder() throws {
        let manager = TransferManager(limit: 1)
        defer { manager.shutdown() }
        // The one slot is held by a slow download; the rest wait.
        let slow = manager.addDownload(url: server.url("/bytes/400000?seed=1&rate=400000"), directory: dir.path)
        waitUntilRunning(manager, slow)
        var ids: [String: UInt64] = [:]
        for name in ["a", "b", "c", "d"] {
            ids[name] = manager.addDownload(url: server.url("/bytes/10?seed=2"), path: dir.file(name))
        }
        XCTAssertTrue(manager.move(ids["d"]!, .top))
        XCTAssertTrue(manager.move(ids["a"]!, .down))
        XCTAssertTrue(manager.move(ids["c"]!, .up))
        XCTAssertFalse(manager.move(ids["d"]!, .up), "already first among the waiting")
        XCTAssertEqual(names(manager), ["400000", "d", "b", "c", "a"])
        let full = manager.changes(since: 2)
        XCTAssertTrue(full.isFull, "a reader keeping rows by position gets the new order whole")
        let deadline = Date().addingTimeInterval(30)
        while manager.totals.done < 5 && Date() < deadline { manager.waitForSettlement(timeout: 0.1) }
        let order = server.requestLog.map { $0.path }
        XCTAssertEqual(order.count, 5, "\(order)")
        let started = manager.snapshot().items.dropFirst().sorted { $0.startedAt! < $1.startedAt! }.map(\.name)
        XCTAssertEqual(started, ["d", "b", "c", "a"], "the scheduler follows the list")
    }

    /// Queues `names` behind a slow download holding the one slot, lets
    /// `reorder` move them, quits, and answers the names a relaunch lists.
    private func orderAfterARestart(_ names: [String], reorder: (TransferManager, [UInt64]) -> Void) throws -> [String] {
        var options = ManagerOptions(limit: 1, stateDirectory: dir.file("state"))
        options.retry = .none
        do {
            let manager = try TransferManager(options: options)
            let slow = manager.addDownload(url: server.url("/bytes/4000000?seed=1&rate=200000"), path: dir.file("slow"))
            waitUntilRunning(manager, slow)
            let ids = names.map { manager.addDownload(url: server.url("/bytes/10?seed=3"), path: dir.file($0)) }
            reorder(manager, ids)
            manager.shutdown()
        }
        let again = try TransferManager(options: options)
        defer { again.shutdown() }
        again.restoreSaved()
        return self.names(again)
    }

    func testTheOrderSurvivesARestart() throws {
        let restored = try orderAfterARestart(["a", "b", "c"]) { manager, ids in
            XCTAssertTrue(manager.move(ids[2], .top))
            XCTAssertTrue(manager.move(ids[0], .bottom))
            XCTAssertEqual(names(manager), ["slow", "c", "b", "a"])
        }
        XCTAssertEqual(restored, ["slow", "c", "b", "a"])
    }

    /// aria2's changePosition moves by position, not by key: the saved order
    /// must follow it as it follows the keys.
    func testAPositionFromARemoteClientSurvivesARestart() throws {
        let restored = try orderAfterARestart(["a", "b", "c", "d"]) { manager, ids in
            XCTAssertEqual(manager.move(ids[3], toWaitingPosition: 2), 2)
            XCTAssertEqual(manager.move(ids[0], toWaitingPosition: .max), 3, "past the end is the end")
            XCTAssertEqual(names(manager), ["slow", "b", "d", "c", "a"])
        }
        XCTAssertEqual(restored, ["slow", "b", "d", "c", "a"])
    }
}
