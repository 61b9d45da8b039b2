@testable import TaroNet
import Foundation
import XCTest

final class TransferStoreTests: XCTestCase {
    var dir: TestDirectory!

    override func setUp() { dir = TestDirectory() }
    override func tearDown() { dir.remove() }

    private func record(_ key: String = "k1", offset: Int64 = 10) -> StoredTransfer {
        StoredTransfer(key: key, request: .download(url: "http://h/f", path: "/tmp/f", headers: ["A": "b"]),
                       serverNaming: false, state: .queued,
                       resume: ResumePoint(validator: "\"e\"", total: 100, offset: offset), attempts: 2,
                       addedAt: Date(timeIntervalSince1970: 1000))
    }

    func testRecordsRoundTripWithAVersionAndMode0600() throws {
        let state = dir.file("state")
        do {
            let store = try TransferStore(directory: state)
            store.save(record())
            store.flush()
        }
        let path = state + "/tasks/k1.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\"version\":1"), text)
        let reopened = try TransferStore(directory: state)
        XCTAssertEqual(reopened.load(), [record()])
        XCTAssertFalse(fileExists(path + ".tmp"), "no temp file left behind")
    }

    func testASecondProcessOnTheSameDirectoryIsTurnedAway() throws {
        let state = dir.file("state")
        let first = try TransferStore(directory: state)
        XCTAssertThrowsError(try TransferStore(directory: state)) { error in
            XCTAssertTrue("\(error)".contains("another taro-tui is using the state directory"), "\(error)")
        }
        _ = first
    }

    func testDamagedAndHostileFilesAreSetAsideNotDeleted() throws {
        let state = dir.file("state")
        do {
            let store = try TransferStore(directory: state)
            store.save(record("good"))
            store.flush()
        }
        let tasks = state + "/tasks/"
        try "{not json".write(toFile: tasks + "junk.json", atomically: false, encoding: .utf8)
        // Decodes, but lies: an offset past the total, a relative path.
        var hostile = record("hostile", offset: 10_000)
        hostile.resume?.total = 5
        try JSONEncoder().encode(hostile).write(to: URL(fileURLWithPath: tasks + "hostile.json"))
        var relative = record("relative")
        relative.request = .download(url: "http://h/f", path: "../../etc/passwd", headers: [:])
        try JSONEncoder().encode(relative).write(to: URL(fileURLWithPath: tasks + "relative.json"))
        // Far larger than any record: must not be read into memory.
        _ = FileManager.default.createFile(atPath: tasks + "huge.json", contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: tasks + "huge.json"))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        // A record whose name does not match its key.
        try JSONEncoder().encode(record("other")).write(to: URL(fileURLWithPath: tasks + "renamed.json"))

        let store = try TransferStore(directory: state)
        XCTAssertEqual(store.load().map(\.key), ["good"])
        let damaged = try FileManager.default.contentsOfDirectory(atPath: state + "/damaged")
        XCTAssertEqual(damaged.count, 5, "\(damaged)")
        for name in ["junk.json", "hostile.json", "relative.json", "huge.json", "renamed.json"] {
            XCTAssertTrue(damaged.contains { $0.hasSuffix(name) }, name)
        }
    }

    func testDeleteRemovesTheRecord() throws {
        let store = try TransferStore(directory: dir.file("state"))
        store.save(record())
        store.delete(key: "k1")
        store.flush()
        XCTAssertEqual(store.load(), [])
    }

    func testDefaultDirectoryFollowsXDG() {
        XCTAssertEqual(TransferStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]),
                       "/x/state/taro-tui")
        XCTAssertEqual(TransferStore.defaultDirectory(environment: ["HOME": "/h"]), "/h/.local/state/taro-tui")
        XCTAssertEqual(TransferStore.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]),
                       "/h/.local/state/taro-tui", "a relative XDG path is ignored, as the spec says")
    }
}
