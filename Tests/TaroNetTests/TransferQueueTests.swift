@testable import TaroNet
import XCTest

final class TransferQueueTests: XCTestCase {
    func testFIFOWithinAPriorityAndHigherPriorityFirst() {
        var q = TransferQueue()
        q.push(1, host: "h", priority: 0)
        q.push(2, host: "h", priority: 0)
        q.push(3, host: "h", priority: 5)
        q.push(4, host: "g", priority: 0)
        var order: [UInt64] = []
        while let next = q.popNext(canStart: { _ in true }) { order.append(next.id) }
        XCTAssertEqual(order, [3, 1, 2, 4])
        XCTAssertEqual(q.count, 0)
    }

    func testAHostAtItsLimitDoesNotBlockOthers() {
        var q = TransferQueue()
        q.push(1, host: "busy", priority: 0)
        q.push(2, host: "free", priority: 0)
        XCTAssertEqual(q.popNext(canStart: { $0 != "busy" })?.id, 2)
        XCTAssertNil(q.popNext(canStart: { $0 != "busy" }))
        XCTAssertEqual(q.popNext(canStart: { _ in true })?.id, 1)
    }

    func testRemovedEntriesAreSkippedAndCounted() {
        var q = TransferQueue()
        for id in 1...4 { q.push(UInt64(id), host: "h", priority: 0) }
        q.remove(2)
        q.remove(2)
        XCTAssertEqual(q.count, 3)
        var order: [UInt64] = []
        while let next = q.popNext(canStart: { _ in true }) { order.append(next.id) }
        XCTAssertEqual(order, [1, 3, 4])
    }

    func testRemovedThenPushedAgainGoesToTheEnd() {
        var q = TransferQueue()
        q.push(1, host: "h", priority: 0)
        q.push(2, host: "h", priority: 0)
        q.remove(1)
        q.push(1, host: "h", priority: 0)
        var order: [UInt64] = []
        while let next = q.popNext(canStart: { _ in true }) { order.append(next.id) }
        XCTAssertEqual(order, [2, 1])
    }
}
