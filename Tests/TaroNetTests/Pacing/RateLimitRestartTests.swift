import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// A rate cap set on a row is kept with its record and holds after a restart.
final class RateLimitRestartTests: LoopbackTestCase {
    func testARowsCapSurvivesARestartAndStillHolds() throws {
        let state = dir.file("state")
        let url = server.url("/bytes/\(1 << 33)?sndbuf=16384&seed=9")
        let cap: Int64 = 2 << 20
        do {
            let manager = try TransferManager(options: ManagerOptions(limit: 4, stateDirectory: state))
            let id = manager.addDownload(url: url, directory: dir.path)
            XCTAssertTrue(WireRate.wait(10) { manager.snapshot().items.first?.state == .active })
            manager.setRateLimit(id, bytesPerSecond: cap)
            manager.shutdown()
        }
        do {
            // The record as saved carries the cap (the store is free again once the manager is gone).
            let store = try TransferStore(directory: state)
            XCTAssertTrue(store.load().contains { $0.rateLimit == cap }, "the cap is in the saved record")
        }
        let manager = try TransferManager(options: ManagerOptions(limit: 4, stateDirectory: state))
        defer { manager.shutdown() }
        manager.restoreSaved()
        XCTAssertEqual(manager.snapshot().items.first?.rateLimit, cap, "the row shows its cap again")
        XCTAssertTrue(WireRate.wait(10) { manager.snapshot().items.first?.state == .active })
        // The kernel opens a paced connection's window a little with each
        // segment it receives: at 512 KiB/s its buffers were still filling
        // seconds later (1.13x over a window from 1.5 s on, once in four).
        Thread.sleep(forTimeInterval: 3)
        let rate = WireRate.sent(server, over: WireRate.window(3))
        XCTAssertEqual(rate / Double(cap), 1, accuracy: 0.1, "\(Int(rate)) B/s at the wire after the restart")
    }
}
