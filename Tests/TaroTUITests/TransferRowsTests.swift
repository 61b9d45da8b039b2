import XCTest
import TaroNet
@testable import TaroTUI

/// The TUI's own copy of the list, kept from the change feed: updates land
/// in place, new rows go to the end in the order given, removals leave the
/// order of the rest intact, and a full list replaces everything. Checked
/// against a plain array doing the same by brute force.
final class TransferRowsTests: XCTestCase {
    private func row(_ id: UInt64, _ state: TransferSnapshot.State = .queued, done: Int64 = 0) -> TransferSnapshot {
        Fixtures.item(id, "f\(id)", state, done: done, total: 100)
    }

    private func incremental(_ changed: [TransferSnapshot], removed: [UInt64] = [], version: UInt64 = 2)
        -> TransferChanges {
        TransferChanges(version: version, isFull: false, changed: changed, removed: removed, totals: TransferTotals())
    }

    private func full(_ rows: [TransferSnapshot]) -> TransferChanges {
        TransferChanges(version: 1, isFull: true, changed: rows, removed: [], totals: TransferTotals())
    }

    private func ids(_ rows: TransferRows) -> [UInt64] { rows.map(\.id) }

    func testAFullListReplacesEverythingInItsOrder() {
        var rows = TransferRows()
        rows.apply(full([row(3), row(1), row(2)]))
        XCTAssertEqual(ids(rows), [3, 1, 2])
        rows.apply(full([row(2), row(9)]))
        XCTAssertEqual(ids(rows), [2, 9])
        XCTAssertEqual(rows[1].id, 9)
        XCTAssertNil(rows.position(of: 3))
        XCTAssertEqual(rows.position(of: 9), 1)
    }

    func testAChangedRowIsUpdatedWhereItStands() {
        var rows = TransferRows((1...5).map { row($0) })
        rows.apply(incremental([row(3, .active, done: 40)]))
        XCTAssertEqual(ids(rows), [1, 2, 3, 4, 5])
        XCTAssertEqual(rows[2].bytesDone, 40)
        XCTAssertEqual(rows[2].state, .active)
    }

    func testUnknownRowsAreAppendedInTheOrderGivenAfterUpdatesToKnownOnes() {
        var rows = TransferRows((1...3).map { row($0) })
        rows.apply(incremental([row(7), row(2, .done), row(6)]))
        XCTAssertEqual(ids(rows), [1, 2, 3, 7, 6])
        XCTAssertEqual(rows[1].state, .done)
        XCTAssertEqual(rows.position(of: 6), 4)
    }

    func testRemovingInTheMiddleKeepsTheOrderAndTheIndexRight() {
        var rows = TransferRows((1...6).map { row($0) })
        rows.apply(incremental([], removed: [2, 5]))
        XCTAssertEqual(ids(rows), [1, 3, 4, 6])
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual((0..<rows.count).map { rows[$0].id }, [1, 3, 4, 6])
        XCTAssertEqual(rows.position(of: 6), 3)
        XCTAssertNil(rows.position(of: 5))
        XCTAssertNil(rows.row(id: 2))
        // Where the removed ones stood, in the new list: the row that followed.
        XCTAssertEqual(rows.positionAfterRemoval(of: 2), 1)   // 3 is at 1
        XCTAssertEqual(rows.positionAfterRemoval(of: 5), 3)   // 6 is at 3
        // Only until the next change.
        rows.apply(incremental([row(1, .active)]))
        XCTAssertNil(rows.positionAfterRemoval(of: 2))
    }

    func testARowChangedAndRemovedInOneAnswerIsGoneAndUnknownRemovalsAreIgnored() {
        var rows = TransferRows((1...3).map { row($0) })
        rows.apply(incremental([row(4), row(2, .done)], removed: [4, 2, 99]))
        XCTAssertEqual(ids(rows), [1, 3])
    }

    func testUnfinishedCountFollowsStates() {
        var rows = TransferRows([row(1, .active), row(2, .done), row(3, .queued)])
        XCTAssertEqual(rows.unfinishedCount, 2)
        rows.apply(incremental([row(1, .done), row(4, .paused)], removed: [3]))
        XCTAssertEqual(rows.unfinishedCount, 1)
        rows.apply(full([row(5, .failed)]))
        XCTAssertEqual(rows.unfinishedCount, 0)
    }

    func testAFullListWithTheSameRowsUpdatesThemInPlace() {
        var rows = TransferRows((1...4).map { row($0) })
        rows.apply(full((1...4).map { row($0, .active, done: Int64($0)) }))
        XCTAssertEqual(ids(rows), [1, 2, 3, 4])
        XCTAssertEqual(rows.map(\.bytesDone), [1, 2, 3, 4])
        XCTAssertEqual(rows.position(of: 3), 2)
    }

    func testRemovingMostRowsOneAtATimeCompactsAndKeepsEverythingFindable() {
        var rows = TransferRows((1...1000).map { row($0) })
        var expected = Array(1...1000).map(UInt64.init)
        // Every row but each tenth, from the front, one answer each: the
        // empty slots outnumber the rows several times over.
        for id in UInt64(1)...1000 where id % 10 != 0 {
            rows.apply(incremental([], removed: [id]))
            expected.removeAll { $0 == id }
        }
        rows.apply(incremental([row(2000)]))
        expected.append(2000)
        XCTAssertEqual(ids(rows), expected)
        for (index, id) in expected.enumerated() {
            XCTAssertEqual(rows.position(of: id), index)
            XCTAssertEqual(rows[index].id, id)
        }
    }

    func testAFullListThatExtendsOursUpdatesAndAppends() {
        var rows = TransferRows((1...4).map { row($0) })
        rows.apply(full([row(1), row(2, .done), row(3), row(4), row(8), row(6)]))
        XCTAssertEqual(ids(rows), [1, 2, 3, 4, 8, 6])
        XCTAssertEqual(rows[1].state, .done)
        XCTAssertEqual(rows.position(of: 6), 5)
        XCTAssertEqual(rows.unfinishedCount, 5)
        // The same again with a duplicate id among the new rows: the last
        // value wins, at the first place.
        rows.apply(full([row(1), row(2), row(3), row(4), row(8), row(6), row(9), row(8, .failed)]))
        XCTAssertEqual(ids(rows), [1, 2, 3, 4, 8, 6, 9])
        XCTAssertEqual(rows[4].state, .failed)
        XCTAssertEqual(rows.position(of: 9), 6)
    }

    /// Thousands of random feed answers against an array doing the same by
    /// brute force, across many compactions.
    func testRandomChangesMatchABruteForceList() {
        var generator = SeededGenerator(seed: 12)
        var rows = TransferRows()
        var model: [TransferSnapshot] = []
        var nextID: UInt64 = 1
        for step in 0..<3000 {
            var changed: [TransferSnapshot] = []
            var removed: [UInt64] = []
            if step % 500 == 499 {
                // Now and then a full resync in a new order.
                model.shuffle(using: &generator)
                rows.apply(full(model))
                XCTAssertEqual(ids(rows), model.map(\.id))
                continue
            }
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<4:
                    changed.append(row(nextID))
                    nextID += 1
                case 4..<7 where !model.isEmpty:
                    var updated = model[Int.random(in: 0..<model.count, using: &generator)]
                    updated.bytesDone += 1
                    changed.append(updated)
                case 7..<10 where !model.isEmpty:
                    removed.append(model[Int.random(in: 0..<model.count, using: &generator)].id)
                default:
                    break
                }
            }
            // The model: updates in place, unknown rows appended, then removals.
            for item in changed {
                if let index = model.firstIndex(where: { $0.id == item.id }) { model[index] = item } else { model.append(item) }
            }
            model.removeAll { removed.contains($0.id) }
            rows.apply(incremental(changed, removed: removed))
            XCTAssertEqual(rows.count, model.count)
            XCTAssertEqual(Array(rows), model, "step \(step)")
            if !model.isEmpty {
                let k = Int.random(in: 0..<model.count, using: &generator)
                XCTAssertEqual(rows[k], model[k])
                XCTAssertEqual(rows.position(of: model[k].id), k)
            }
        }
        XCTAssertGreaterThan(nextID, 1000)
    }
}
