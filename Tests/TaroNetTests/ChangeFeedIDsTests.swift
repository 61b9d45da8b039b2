@testable import TaroNet
import XCTest

/// The feed's answer names its changed rows by id, read from the list it
/// carries: under the lock the log gives its ids as logged, and the answer
/// gives each changed row once, in queue order, from the list's own rows.
final class ChangeFeedIDsTests: XCTestCase {
    private func row(_ id: UInt64, _ state: TransferSnapshot.State = .queued) -> TransferSnapshot {
        TransferSnapshot(id: id, kind: .download, url: "http://h/f\(id)", name: "f\(id)", state: state)
    }

    func testTheLogGivesEachChangedIDOnceSmallestFirst() {
        var log = ChangeLog()
        let changes: [UInt64] = [9, 3, 9, 1, 3, 7, 9, 2, 2]
        for (index, id) in changes.enumerated() { log.append(id, at: UInt64(index + 1), capacity: 100) }
        XCTAssertEqual(log.sortedIDs(after: 0), [1, 2, 3, 7, 9])
        XCTAssertEqual(log.sortedIDs(after: 4), [2, 3, 7, 9])
        XCTAssertEqual(log.sortedIDs(after: 9), [])
        for version in UInt64(0)...9 {
            XCTAssertEqual(log.sortedIDs(after: version), log.logged(after: version).map { Set($0.ids).sorted() }, "after \(version)")
        }
    }

    func testAReaderOlderThanTheLogGetsNothingFromIt() {
        var log = ChangeLog()
        for version in UInt64(1)...10 { log.append(version % 3, at: version, capacity: 4) }
        XCTAssertNil(log.sortedIDs(after: 1))
        XCTAssertNotNil(log.sortedIDs(after: 9))
        XCTAssertNil(log.logged(after: 1))
        XCTAssertNotNil(log.logged(after: 9))
    }

    func testTheLogGivesItsIDsAsLoggedAndTheRemovalsAfterAVersion() throws {
        var log = ChangeLog()
        let changes: [UInt64] = [9, 3, 9, 1, 3, 7, 9, 2, 2]
        for (index, id) in changes.enumerated() { log.append(id, at: UInt64(index + 1), capacity: 100) }
        log.appendRemoval(3, at: 5)
        log.appendRemoval(2, at: 9)
        let all = try XCTUnwrap(log.logged(after: 0))
        XCTAssertEqual(all.ids, changes, "as logged: nothing sorted under the lock")
        XCTAssertEqual(all.removed, [3, 2])
        XCTAssertEqual(log.logged(after: 5)?.ids, [7, 9, 2, 2])
        XCTAssertEqual(log.logged(after: 5)?.removed, [2])
        XCTAssertEqual(log.logged(after: 9)?.ids, [])
        XCTAssertEqual(log.logged(after: 9)?.removed, [])
    }

    func testRemovalsGoWithTheEntriesTheLogDrops() throws {
        var log = ChangeLog()
        for version in UInt64(1)...8 {
            log.append(version, at: version, capacity: 8)
            log.appendRemoval(version, at: version)
        }
        log.append(9, at: 9, capacity: 8)
        XCTAssertNil(log.logged(after: 3), "dropped past")
        let kept = try XCTUnwrap(log.logged(after: 4))
        XCTAssertEqual(kept.ids, [5, 6, 7, 8, 9])
        XCTAssertEqual(kept.removed, [5, 6, 7, 8])
        log.forget(before: 10)
        XCTAssertEqual(log.logged(after: 10)?.removed, [])
    }

    func testAnAnswerByIDReadsItsRowsFromTheListItCarries() {
        var list = TransferRows()
        for id in UInt64(1)...5 { list.append(row(id)) }
        list.update(id: 4) { $0.state = .done }
        // As logged: out of order, repeated, and 6 removed since.
        let answer = TransferChanges(version: 7, loggedIDs: [4, 6, 2, 4, 6], removed: [6], totals: TransferTotals(),
                                     rows: list)
        XCTAssertFalse(answer.isEmpty)
        XCTAssertEqual(answer.changed.map(\.id), [2, 4], "each once, in queue order, only rows listed")
        XCTAssertEqual(answer.changed[1].state, .done)
        XCTAssertEqual(answer.removed, [6])
        let quiet = TransferChanges(version: 7, loggedIDs: [], removed: [], totals: TransferTotals(), rows: list)
        XCTAssertTrue(quiet.isEmpty)
        var replaced = answer
        replaced.changed = [row(1, .active)]
        XCTAssertEqual(replaced.changed.map(\.id), [1], "rows set by hand take the place of the ids")
    }
}
