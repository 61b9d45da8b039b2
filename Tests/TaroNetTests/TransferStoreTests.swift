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
        let path = state + "/queue.journal"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("+k1\t{"), text)
        XCTAssertTrue(text.contains("\"version\":1"), text)
        XCTAssertTrue(text.hasSuffix("}\n"), text)
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
        // Where an older version kept one file per record.
        let tasks = state + "/tasks/"
        try FileManager.default.createDirectory(atPath: tasks, withIntermediateDirectories: true)
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

    private func journal(_ state: String) -> String { state + "/queue.journal" }

    private func append(_ text: String, to path: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    private func damagedNames(_ state: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: state + "/damaged")
    }

    func testTheJournalReplaysSavesUpdatesAndDeletesInOrder() throws {
        let state = dir.file("state")
        do {
            let store = try TransferStore(directory: state)
            store.save([record("k1", offset: 10), record("k2", offset: 20)])
            store.save(record("k1", offset: 50))
            store.commit(save: [record("k3", offset: 30)], delete: ["k2"])
            store.delete(key: "never-saved")
        }
        let lines = try String(contentsOfFile: journal(state), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.map { String($0.prefix(3)) }, ["+k1", "+k2", "+k1", "+k3", "-k2"],
                       "one line per change; deleting an unknown key writes nothing")
        let loaded = try TransferStore(directory: state).load()
        XCTAssertEqual(Set(loaded.map(\.key)), ["k1", "k3"])
        XCTAssertEqual(loaded.first { $0.key == "k1" }?.resume?.offset, 50, "the latest version wins")
    }

    func testARecordSavedAndDeletedInOneBatchIsGone() throws {
        let state = dir.file("state")
        do {
            let store = try TransferStore(directory: state)
            store.commit(save: [record("k1"), record("k2")], delete: ["k2"])
        }
        XCTAssertEqual(try TransferStore(directory: state).load().map(\.key), ["k1"])
    }

    func testATornLastLineFromACrashMidWriteIsSetAsideAndTheRestSurvives() throws {
        let state = dir.file("state")
        do {
            let store = try TransferStore(directory: state)
            store.save([record("k1"), record("k2")])
        }
        // A crash in the middle of appending a record: no line feed, JSON cut short.
        try append("+k3\t{\"version\":1,\"key\":\"k3\",\"requ", to: journal(state))
        do {
            let store = try TransferStore(directory: state)
            XCTAssertEqual(Set(store.load().map(\.key)), ["k1", "k2"])
            let text = try String(contentsOfFile: journal(state), encoding: .utf8)
            XCTAssertTrue(text.hasSuffix("\n"), "the torn bytes are cut off before anything is appended: \(text)")
            // Appending after the cut gives whole lines.
            store.save(record("k4"))
        }
        XCTAssertEqual(Set(try TransferStore(directory: state).load().map(\.key)), ["k1", "k2", "k4"])
        let damaged = try damagedNames(state)
        XCTAssertEqual(damaged.count, 1, "\(damaged)")
        let kept = try String(contentsOfFile: state + "/damaged/" + damaged[0], encoding: .utf8)
        XCTAssertTrue(kept.contains("\"key\":\"k3\",\"requ"), "the torn line is kept, not lost: \(kept)")
    }

    func testDamagedAndHostileJournalLinesAreSetAside() throws {
        let state = dir.file("state")
        do {
            let store = try TransferStore(directory: state)
            store.save(record("k1"))
        }
        var hostile = record("k2", offset: 10_000)
        hostile.resume?.total = 5
        let hostileJSON = String(decoding: try JSONEncoder().encode(hostile), as: UTF8.self)
        let other = String(decoding: try JSONEncoder().encode(record("k5")), as: UTF8.self)
        try append("garbage line\n+k2\t" + hostileJSON + "\n+k9\t" + other + "\n+bad key\t{}\n", to: journal(state))
        do {
            let store = try TransferStore(directory: state)
            store.save(record("k3"))
        }
        XCTAssertEqual(Set(try TransferStore(directory: state).load().map(\.key)), ["k1", "k3"])
        let kept = try damagedNames(state).map {
            try String(contentsOfFile: state + "/damaged/" + $0, encoding: .utf8)
        }.joined()
        for text in ["garbage line", "\"total\":5", "\"key\":\"k5\"", "+bad key"] {
            XCTAssertTrue(kept.contains(text), "\(text) set aside in damaged/: \(kept)")
        }
    }

    func testOldVersionsAreCompactedAwayAndTheRecordsStay() throws {
        let state = dir.file("state")
        let keys = (0..<100).map { "r\($0)" }
        do {
            let store = try TransferStore(directory: state)
            for round in 1...80 {
                store.save(keys.map { record($0, offset: Int64(round)) })
            }
            store.delete(keys: Array(keys[50...]))
        }
        let size = try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: journal(state))[.size]
                                  as? NSNumber)?.intValue)
        let oneLine = try JSONEncoder().encode(record("r10")).count + 6
        // 8,000 lines were written; what stays is about the 50 live ones.
        XCTAssertLessThan(size, (1 << 20) + 100 * oneLine, "compacted: \(size) bytes")
        let loaded = try TransferStore(directory: state).load()
        XCTAssertEqual(Set(loaded.map(\.key)), Set(keys[..<50]))
        XCTAssertTrue(loaded.allSatisfy { $0.resume?.offset == 80 }, "each at its latest version")
        XCTAssertFalse(fileExists(journal(state) + ".tmp"))
    }

    func testRecordFilesOfAnOlderVersionAreTakenIntoTheJournal() throws {
        let state = dir.file("state")
        try FileManager.default.createDirectory(atPath: state + "/tasks", withIntermediateDirectories: true)
        try JSONEncoder().encode(record("old1")).write(to: URL(fileURLWithPath: state + "/tasks/old1.json"))
        do {
            let store = try TransferStore(directory: state)
            XCTAssertEqual(store.load(), [record("old1")])
        }
        XCTAssertFalse(fileExists(state + "/tasks/old1.json"), "moved into the journal")
        XCTAssertEqual(try TransferStore(directory: state).load(), [record("old1")])
    }

    func testJournalLinesRoundTripAndRejectWhatTheStoreNeverWrites() {
        let save = JournalLine.save(key: "a-1", json: Array(#"{"x":1}"#.utf8))
        XCTAssertEqual(save.bytes, Array("+a-1\t{\"x\":1}\n".utf8))
        XCTAssertEqual(JournalLine.parse(save.bytes.dropLast()), save)
        let delete = JournalLine.delete(key: "a-1")
        XCTAssertEqual(JournalLine.parse(delete.bytes.dropLast()), delete)
        for bad in ["", "+", "+k", "+k\t", "+\t{}", "-", "-a b", "*k", "+a/b\t{}",
                    "+" + String(repeating: "k", count: 65) + "\t{}"] {
            XCTAssertNil(JournalLine.parse(Array(bad.utf8)), bad)
        }
    }

    func testNewKeysAreShortAndPlausible() {
        let keys = (0..<1000).map { _ in TransferStore.makeKey() }
        XCTAssertEqual(Set(keys).count, keys.count)
        for key in keys {
            XCTAssertEqual(key.utf8.count, 12, key)
            XCTAssertTrue(JournalLine.isValidKey(Array(key.utf8)), key)
        }
    }

    func testDefaultDirectoryFollowsXDG() {
        XCTAssertEqual(TransferStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]),
                       "/x/state/taro-tui")
        XCTAssertEqual(TransferStore.defaultDirectory(environment: ["HOME": "/h"]), "/h/.local/state/taro-tui")
        XCTAssertEqual(TransferStore.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]),
                       "/h/.local/state/taro-tui", "a relative XDG path is ignored, as the spec says")
    }
}
