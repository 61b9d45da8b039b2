@testable import TaroNet
import Foundation
import XCTest

/// The journal's index of live records: keys the store makes kept as
/// numbers, any other key as it is, and both found again after compaction.
final class JournalIndexTests: XCTestCase {
    func testStoreKeysAreKeptAsNumbersAndComeBackSpelledTheSame() {
        for key in (0..<2000).map({ _ in TransferStore.makeKey() }) + ["000000000000", "0000000000a1", "zzzzzzzzzzzz"] {
            let code = JournalIndex.code(of: key)
            XCTAssertNotNil(code, key)
            XCTAssertEqual(code.map(JournalIndex.key(of:)), key)
        }
        // Not the store's spelling: kept as strings, never confused with one that is.
        for key in ["r10", "A00000000000", "a-0000000000", "zzzzzzzzzzzzz", "00000000000"] {
            XCTAssertNil(JournalIndex.code(of: key), key)
        }
    }

    func testAnyKeyAndAnyLocationIsFoundUpdatedAndForgotten() {
        var index = JournalIndex()
        let made = (0..<500).map { _ in TransferStore.makeKey() }
        let others = ["r1", "old-key", "A00000000000", "0000000000a1".uppercased()]
        for (n, key) in (made + others).enumerated() {
            index[key] = QueueJournal.Location(offset: Int64(n * 300), length: 200 + n)
        }
        let huge = QueueJournal.Location(offset: 1 << 50, length: 1 << 25)
        index[made[0]] = huge
        XCTAssertEqual(index.count, made.count + others.count)
        XCTAssertEqual(Set(index.keys), Set(made + others))
        XCTAssertEqual(index[made[0]], huge, "too large to pack: kept as it is")
        XCTAssertEqual(index[made[1]], QueueJournal.Location(offset: 300, length: 201))
        XCTAssertEqual(index["old-key"], QueueJournal.Location(offset: 501 * 300, length: 200 + 501))
        index[made[0]] = QueueJournal.Location(offset: 7, length: 8)
        XCTAssertEqual(index[made[0]], QueueJournal.Location(offset: 7, length: 8), "packed again")
        XCTAssertEqual(index.count, made.count + others.count, "one place per key")
        XCTAssertEqual(index.removeValue(forKey: "r1"), QueueJournal.Location(offset: 500 * 300, length: 700))
        XCTAssertNotNil(index.removeValue(forKey: made[2]))
        XCTAssertNil(index[made[2]])
        XCTAssertNil(index["r1"])
        XCTAssertNil(index.removeValue(forKey: "never"))
        XCTAssertEqual(index.count, made.count + others.count - 2)
    }

    /// Compaction reads the journal front to back and keeps each key's
    /// latest line, for keys the store made and keys it did not alike.
    func testCompactionKeepsEachKeysLatestLineInTheOrderWritten() throws {
        let dir = TestDirectory()
        defer { dir.remove() }
        let path = dir.file("queue.journal")
        let keys = (0..<300).map { _ in TransferStore.makeKey() } + ["legacy-1", "r2"]
        do {
            let journal = try QueueJournal(path: path)
            for round in 0..<40 {
                XCTAssertTrue(journal.append(keys.map { .save(key: $0, json: Array("{\"v\":\(round),\"k\":\"\($0)\"}".utf8)) }))
            }
            XCTAssertTrue(journal.append(keys[..<100].map { .delete(key: $0) }))
            journal.compact()
            XCTAssertEqual(journal.size, Int64(try Data(contentsOf: URL(fileURLWithPath: path)).count))
            for key in keys[100...] {
                XCTAssertEqual(journal.json(of: key), Array("{\"v\":39,\"k\":\"\(key)\"}".utf8), key)
            }
            XCTAssertNil(journal.json(of: keys[0]))
            // Still a journal after compacting: a new version lands where the index says.
            XCTAssertTrue(journal.append([.save(key: keys[150], json: Array("{\"v\":40}".utf8))]))
            XCTAssertEqual(journal.json(of: keys[150]), Array("{\"v\":40}".utf8))
        }
        let records = QueueJournal.liveRecords(atPath: path)
        XCTAssertEqual(records.map(\.key), Array(keys[100...]), "in the order first written")
        let reopened = try QueueJournal(path: path)
        XCTAssertEqual(Set(reopened.live.keys), Set(keys[100...]))
        XCTAssertEqual(reopened.json(of: keys[150]), Array("{\"v\":40}".utf8))
    }
}
