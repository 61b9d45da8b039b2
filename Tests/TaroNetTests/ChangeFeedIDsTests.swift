@testable import TaroNet
import XCTest

/// The feed's answer names its changed rows by id, read from the list it
/// carries: the log gives each changed id once, in queue order, and the
/// answer's rows are the list's own.
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
            XCTAssertEqual(log.sortedIDs(after: version), log.ids(after: version)?.sorted(), "after \(version)")
        }
    }

    func testAReaderOlderThanTheLogGetsNothingFromIt() {
        var log = ChangeLog()
        for version in UInt64(1)...10 { log.append(version % 3, at: version, capacity: 4) }
        XCTAssertNil(log.sortedIDs(after: 1))
        XCTAssertNotNil(log.sortedIDs(after: 9))
    }

    func testAnAnswerByIDReadsItsRowsFromTheListItCarries() {
        var list = TransferRows()
        for id in UInt64(1)...5 { list.append(row(id)) }
        list.update(id: 4) { $0.state = .done }
        let answer = TransferChanges(version: 7, changedIDs: [2, 4], removed: [6], totals: TransferTotals(), rows: list)
        XCTAssertFalse(answer.isEmpty)
        XCTAssertEqual(answer.changed.map(\.id), [2, 4])
        XCTAssertEqual(answer.changed[1].state, .done)
        XCTAssertEqual(answer.removed, [6])
        let quiet = TransferChanges(version: 7, changedIDs: [], removed: [], totals: TransferTotals(), rows: list)
        XCTAssertTrue(quiet.isEmpty)
        var replaced = answer
        replaced.changed = [row(1, .active)]
        XCTAssertEqual(replaced.changed.map(\.id), [1], "rows set by hand take the place of the ids")
    }
}
