@testable import TaroNet
import Foundation
import XCTest

/// The manager's list as its writer changes it and a reader adopts it: the
/// reader's version never changes under it, the two share every chunk the
/// writer has not touched since, and the writer's own changes (append,
/// update, remove, reorder) keep order and index right.
final class TransferRowsSharingTests: XCTestCase {
    private func row(_ id: UInt64, _ state: TransferSnapshot.State = .queued) -> TransferSnapshot {
        TransferSnapshot(id: id, kind: .download, url: "http://h/f\(id)", name: "f\(id)", state: state)
    }

    private func buffers(_ rows: TransferRows) -> [UnsafeRawPointer?] {
        rows.chunkStorage.map { chunk in chunk.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
    }

    func testAReaderSharesEveryChunkTheWriterDidNotChangeSince() {
        var writer = TransferRows()
        for id in UInt64(1)...2000 { writer.append(row(id)) }
        let reader = writer
        let before = buffers(reader)
        XCTAssertEqual(before, buffers(writer), "adopting copies no row")
        writer.update(id: 1500) { $0.state = .active }
        XCTAssertEqual(reader[1499].state, .queued, "the reader's version stays as it was")
        XCTAssertEqual(writer[1499].state, .active)
        let after = buffers(writer)
        let differing = zip(before, after).filter { $0 != $1 }.count
        XCTAssertEqual(differing, 1, "only the changed row's chunk was copied")
        XCTAssertGreaterThan(before.count, 4)
    }

    func testAdoptingAfterRemovalsSaysWhereTheRemovedRowsStood() {
        var writer = TransferRows()
        for id in UInt64(1)...6 { writer.append(row(id)) }
        var reader = TransferRows()
        reader.adopt(writer, removed: [])
        writer.remove(id: 2)
        writer.remove(id: 5)
        writer.update(id: 1) { $0.state = .done }
        reader.adopt(writer, removed: [2, 5, 99])
        XCTAssertEqual(reader.map(\.id), [1, 3, 4, 6])
        XCTAssertEqual(reader.positionAfterRemoval(of: 2), 1)
        XCTAssertEqual(reader.positionAfterRemoval(of: 5), 3)
        XCTAssertNil(reader.positionAfterRemoval(of: 99))
        XCTAssertEqual(reader.unfinishedCount, 3)
        XCTAssertNil(writer.positionAfterRemoval(of: 2), "the writer's own list remembers no reader's removals")
    }

    func testTheWritersChangesMatchABruteForceListAcrossCompactionsAndReorders() {
        // A fixed sequence (Knuth's MMIX LCG), so a failure replays.
        var seed: UInt64 = 7
        func random(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % n
        }
        var rows = TransferRows()
        var model: [TransferSnapshot] = []
        var nextID: UInt64 = 1
        var reader = TransferRows()
        for step in 0..<4000 {
            switch random(10) {
            case 0..<4:
                let new = row(nextID)
                rows.append(new)
                model.append(new)
                nextID += 1
            case 4..<6 where !model.isEmpty:
                let k = random(model.count)
                model[k].bytesDone += 1
                model[k].state = model[k].bytesDone % 2 == 0 ? .done : .active
                let updated = model[k]
                XCTAssertTrue(rows.update(id: updated.id) { $0 = updated })
            case 6..<9 where !model.isEmpty:
                let k = random(model.count)
                rows.remove(id: model.remove(at: k).id)
            case 9 where step % 40 == 9:
                for i in stride(from: model.count - 1, to: 0, by: -1) { model.swapAt(i, random(i + 1)) }
                rows.reorder(model.map(\.id))
            default:
                break
            }
            if step % 7 == 0 { reader.adopt(rows, removed: []) }
            XCTAssertEqual(rows.count, model.count)
            if !model.isEmpty {
                let k = random(model.count)
                XCTAssertEqual(rows[k], model[k], "step \(step)")
                XCTAssertEqual(rows.position(of: model[k].id), k)
            }
        }
        XCTAssertEqual(Array(rows), model)
        XCTAssertEqual(rows.unfinishedCount, model.filter(\.state.isPending).count)
        XCTAssertFalse(rows.update(id: nextID + 1) { $0.state = .done }, "no such row")
    }
}
