import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// A transfer put back at launch shows the bytes its .part already holds
/// from the first frame, and the list's rate counts only bytes that cross
/// the wire in this run, not the ones a restored row had before it.
final class RestoredProgressTests: LoopbackTestCase {
    func testARestoredRowStartsFromItsPartAndTheRateCountsOnlyNewBytes() throws {
        let state = dir.file("state")
        let wireRate = 400_000
        let url = server.url("/bytes/20000000?seed=4&rate=\(wireRate)&sndbuf=16384")
        do {
            let manager = try TransferManager(options: ManagerOptions(limit: 4, stateDirectory: state))
            manager.addDownload(url: url, directory: dir.path)
            let deadline = Date().addingTimeInterval(30)
            while (manager.snapshot().items.first?.bytesDone ?? 0) < 1_500_000 && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
            manager.shutdown()
        }
        let onDisk = try XCTUnwrap(try TransferStore(directory: state).load().first?.resume?.bytesOnDisk)
        XCTAssertGreaterThan(onDisk, 1_000_000, "the first run saved a resumable .part")

        let manager = try TransferManager(options: ManagerOptions(limit: 4, stateDirectory: state))
        defer { manager.shutdown() }
        manager.restoreSaved()
        let first = try XCTUnwrap(manager.snapshot().items.first)
        XCTAssertGreaterThanOrEqual(first.bytesDone, onDisk, "the row shows its .part before it starts")
        XCTAssertEqual(first.bytesTotal, 20_000_000, "and the total its record knows")

        // Before, the .part's bytes arrived as the first progress of the
        // new attempt and the footer showed them as a burst of speed.
        var fastest = 0.0
        let end = Date().addingTimeInterval(2.5)
        while Date() < end {
            fastest = max(fastest, manager.changes(since: 0).totals.bytesPerSecond)
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertLessThan(fastest, Double(wireRate) * 2,
                          "the rate counts the wire's bytes only (\(Int(fastest)) B/s; .part held \(onDisk))")
    }
}
