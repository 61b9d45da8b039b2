import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// A small fresh download is written to a file with no name and linked to
/// its final name once synced; a .part appears only when one is needed.
final class UnnamedDownloadTests: LoopbackTestCase {
    func testASmallDownloadShowsNoNameUntilItIsComplete() {
        let manager = TransferManager(limit: 2)
        defer { manager.shutdown() }
        let size = 200_000
        let id = manager.addDownload(url: server.url("/bytes/\(size)?rate=100000&seed=31"), directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { (self.row(manager, id)?.bytesDone ?? 0) > 20_000 })
        XCTAssertEqual(dir.contents, [], "nothing under any name while the body arrives")
        XCTAssertTrue(WireRate.wait(20) { self.row(manager, id)?.state == .done })
        XCTAssertEqual(dir.contents, ["\(size)"])
        XCTAssertEqual(try sha256sum(dir.file("\(size)")), DeterministicBody.sha256Hex(seed: 31, size: Int64(size)))
        XCTAssertEqual(fileMode(dir.file("\(size)")), 0o644 & ~currentUmask(), "the mode a created file gets")
    }

    func testALargeDownloadIsNamedAsItsPartOnceItsLengthIsKnown() {
        let manager = TransferManager(limit: 2)
        defer { manager.shutdown() }
        let size = Int(FileSink.unnamedLimit) + 1
        let id = manager.addDownload(url: server.url("/bytes/\(size)?rate=100000&seed=32"), directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { (self.row(manager, id)?.bytesDone ?? 0) > 20_000 })
        XCTAssertEqual(dir.contents, ["\(size).part"])
        manager.abort(id)
        XCTAssertTrue(WireRate.wait(10) { self.dir.contents.isEmpty }, "an abort leaves nothing")
    }

    func testALongPauseOfASmallDownloadKeepsAPartAndResumesFromIt() throws {
        let session = TaroSession(limits: SchedulerLimits(global: 2, perHost: 2, pauseGrace: 1))
        let manager = try TransferManager(options: ManagerOptions(limit: 2), session: session)
        defer { manager.shutdown() }
        let size = 200_000
        let id = manager.addDownload(url: server.url("/bytes/\(size)?rate=50000&seed=33"), directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { (self.row(manager, id)?.bytesDone ?? 0) > 30_000 })
        manager.togglePause(id)
        XCTAssertTrue(WireRate.wait(10) { self.server.openConnections == 0 }, "the paused transfer's connection is closed")
        XCTAssertTrue(WireRate.wait(5) { fileSize(self.dir.file("\(size).part")) > 0 }, "the suspend named it .part")
        let kept = fileSize(dir.file("\(size).part"))
        manager.togglePause(id)
        XCTAssertTrue(WireRate.wait(20) { self.row(manager, id)?.state == .done })
        XCTAssertEqual(try sha256sum(dir.file("\(size)")), DeterministicBody.sha256Hex(seed: 33, size: Int64(size)))
        XCTAssertFalse(fileExists(dir.file("\(size).part")))
        let ranges = server.requestLog.compactMap { $0.header("Range") }
        XCTAssertEqual(ranges, ["bytes=\(kept)-"], "continued from what the .part held")
    }

    private func row(_ manager: TransferManager, _ id: UInt64) -> TransferSnapshot? {
        manager.snapshot().items.first { $0.id == id }
    }

    private func fileMode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : 0
    }

    private func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
