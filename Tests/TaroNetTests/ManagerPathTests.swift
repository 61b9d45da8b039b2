import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// The manager compares, reserves and saves destinations in one spelling:
/// two spellings of one directory in one run never share a .part, and a
/// record saved under another spelling is claimed by this one.
final class ManagerPathTests: LoopbackTestCase {
    /// The test directory's real path (it may sit behind a symlink itself).
    private var real: String { String(cString: realpath(dir.path, nil)) }

    override func setUp() async throws {
        try await super.setUp()
        try FileManager.default.createDirectory(atPath: dir.file("d"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.file("link"), withDestinationPath: "d")
    }

    func testTwoSpellingsOfOneDirectoryInOneRunReserveOneName() throws {
        let manager = TransferManager(limit: 1)
        defer { manager.shutdown() }
        let url = server.url("/bytes/1000000?rate=100000")
        let first = manager.addDownload(url: url, directory: dir.file("link/"))
        let second = manager.addDownload(url: url, directory: dir.file("d/../link/."))
        let items = manager.snapshot().items
        XCTAssertEqual(items.first { $0.id == first }?.localPath, real + "/d/1000000")
        XCTAssertEqual(items.first { $0.id == second }?.localPath, real + "/d/1000000-1",
                       "the second spelling saw the first's reservation")
    }

    func testAnUploadSourceIsNamedCanonically() throws {
        _ = FileManager.default.createFile(atPath: dir.file("d/up.bin"), contents: Data(count: 10))
        let manager = TransferManager(limit: 1)
        defer { manager.shutdown() }
        let id = manager.addUpload(filePath: dir.file("link/./up.bin"), url: server.url("/upload"))
        XCTAssertEqual(manager.snapshot().items.first { $0.id == id }?.localPath, real + "/d/up.bin")
    }

    func testARecordSavedUnderAnotherSpellingIsClaimed() throws {
        let state = dir.file("state")
        let url = server.url("/bytes/1000000?rate=100000")
        do {
            let store = try TransferStore(directory: state)
            store.save(StoredTransfer(key: "k1", request: .download(url: url, path: dir.file("link/../d/1000000"),
                                                                     headers: [:]),
                                      serverNaming: true, state: .paused, resume: nil, attempts: 1,
                                      addedAt: Date(), owner: .get))
        }
        let manager = try TransferManager(options: ManagerOptions(limit: 1, stateDirectory: state))
        defer { manager.shutdown() }
        XCTAssertEqual(manager.unclaimed.map(\.localPath), [real + "/d/1000000"])
        let id = manager.addDownload(url: url, directory: dir.file("link") + "//")
        XCTAssertEqual(manager.unclaimed, [], "claimed")
        XCTAssertEqual(manager.state.withLock { $0.rows[id]?.key }, "k1", "the saved record continues")
        XCTAssertEqual(manager.snapshot().items.first { $0.id == id }?.localPath, real + "/d/1000000")
    }

    func testTheCommandGetPrintsClaimsARecordThatHadHeaders() throws {
        let state = dir.file("state")
        let url = server.url("/bytes/1000000?rate=100000")
        do {
            let store = try TransferStore(directory: state)
            store.save(StoredTransfer(key: "k2", request: .download(url: url, path: real + "/d/f.bin",
                                                                     headers: ["X-Token": "t"]),
                                      serverNaming: false, state: .paused, resume: nil, attempts: 1,
                                      addedAt: Date(), owner: .get))
        }
        let manager = try TransferManager(options: ManagerOptions(limit: 1, stateDirectory: state))
        defer { manager.shutdown() }
        // As printed: `get -o FILE URL`, no -H.
        let id = manager.addDownload(url: url, path: dir.file("link/f.bin"))
        XCTAssertEqual(manager.unclaimed, [])
        XCTAssertEqual(manager.state.withLock { $0.rows[id]?.key }, "k2")
        XCTAssertEqual(manager.state.withLock { $0.rows[id]?.request },
                       .download(url: url, path: real + "/d/f.bin", headers: ["X-Token": "t"]), "the saved headers go on")
    }

    /// Names are asked of the disk outside the manager's lock and checked
    /// against the listed rows under it: a name a file or .part has, or an
    /// earlier row reserved, is skipped, and a batch keeps the list's order.
    func testABatchSkipsNamesOnDiskAndNamesReservedAndKeepsItsOrder() throws {
        _ = FileManager.default.createFile(atPath: dir.file("d/1000000"), contents: Data())
        _ = FileManager.default.createFile(atPath: dir.file("d/1000000-2.part"), contents: Data())
        let manager = TransferManager(limit: 1)
        defer { manager.shutdown() }
        let url = server.url("/bytes/1000000?rate=100000")
        // Reserves 1000000-1, the first name the disk does not have.
        let earlier = manager.addDownload(url: url + "&seed=0", directory: dir.file("d"))
        let ids = manager.addDownloads(urls: (1...3).map { url + "&seed=\($0)" }, directory: dir.file("d"))
        let paths = Dictionary(uniqueKeysWithValues: manager.snapshot().items.map { ($0.id, $0.localPath) })
        XCTAssertEqual(paths[earlier], real + "/d/1000000-1")
        XCTAssertEqual(ids.map { paths[$0] }, ["1000000-3", "1000000-4", "1000000-5"].map { real + "/d/" + $0 },
                       "skips the file, the reserved name and the .part; distinct within the batch")
        let order = manager.snapshot().items.map(\.id)
        XCTAssertEqual(order.filter { ids.contains($0) }, ids, "listed in the order given")
    }

    /// The probe said free, but a row reserved the name between the probe
    /// and the lock: the batch moves that one on and keeps its order.
    func testANameReservedAfterItsProbeMovesOn() throws {
        let manager = TransferManager(limit: 1)
        defer { manager.shutdown() }
        var choice = DownloadPathChoice(directory: real + "/d", name: "f.bin")
        choice.probe()
        XCTAssertEqual(choice.path, real + "/d/f.bin")
        var reserved = PathReservations()
        reserved.insert(real + "/d/f.bin")
        reserved.insert(real + "/d/f-1.bin")
        XCTAssertTrue(choice.reservationConflict(reserved))
        XCTAssertNil(choice.path, "probed again before it is used")
        choice.probe()
        XCTAssertEqual(choice.path, real + "/d/f-2.bin")
        XCTAssertFalse(choice.reservationConflict(reserved))
    }
}
