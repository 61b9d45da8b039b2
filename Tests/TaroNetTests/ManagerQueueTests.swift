import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// The manager's list as records: rows wait without a task, show what is
/// known before they run, and the change feed answers only what changed.
final class ManagerQueueTests: LoopbackTestCase {
    func testAWaitingUploadShowsItsSizeAndAWaitingRowHasNoCore() throws {
        let file = dir.file("up.bin")
        FileManager.default.createFile(atPath: file, contents: Data(count: 12_345))
        let manager = TransferManager(limit: 1)
        defer { manager.shutdown() }
        // The one slot is taken by a slow download, so the upload waits.
        manager.addDownload(url: server.url("/bytes/1000000?rate=200000"), directory: dir.path)
        let id = manager.addUpload(filePath: file, url: server.url("/upload"))
        let row = manager.snapshot().items.first { $0.id == id }
        XCTAssertEqual(row?.state, .queued)
        XCTAssertEqual(row?.bytesTotal, 12_345)
        XCTAssertEqual(row?.percent, 0)
        XCTAssertNil(manager.state.withLock { $0.rows[id]?.core }, "a waiting row is a record, not a running transfer")
    }

    func testTheFeedAnswersOnlyWhatChangedAndThenNothing() throws {
        let manager = TransferManager(limit: 2)
        defer { manager.shutdown() }
        let first = manager.changes(since: 0)
        XCTAssertTrue(first.isFull)
        let ids = manager.addDownloads(urls: (0..<5).map { server.url("/bytes/10?seed=\($0)") }, directory: dir.path)
        let deadline = Date().addingTimeInterval(10)
        while manager.totals.done < 5 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let changes = manager.changes(since: first.version)
        XCTAssertFalse(changes.isFull)
        XCTAssertEqual(Set(changes.changed.map(\.id)), Set(ids))
        XCTAssertEqual(changes.totals.done, 5)
        let quiet = manager.changes(since: changes.version)
        XCTAssertTrue(quiet.isEmpty, "nothing changed, nothing sent")
        manager.remove(ids[2])
        let removal = manager.changes(since: quiet.version)
        XCTAssertEqual(removal.removed, [ids[2]])
        XCTAssertEqual(removal.totals.done, 4)
    }
}
