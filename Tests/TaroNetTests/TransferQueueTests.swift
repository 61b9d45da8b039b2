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

final class HostKeyTests: XCTestCase {
    func testHostKeysNameSchemeHostAndPort() {
        XCTAssertEqual(TransferSpec(url: "http://Example.com/a").hostKey, "http://example.com:80")
        XCTAssertEqual(TransferSpec(url: "https://example.com/a?b").hostKey, "https://example.com:443")
        XCTAssertEqual(TransferSpec(url: "http://user:pw@127.0.0.1:8080/x").hostKey, "http://127.0.0.1:8080")
        XCTAssertEqual(TransferSpec(url: "http://[::1]/x").hostKey, "http://[::1]:80")
        XCTAssertEqual(TransferSpec(url: "http://[::1]:81/x").hostKey, "http://[::1]:81")
    }

    func testHeaderNamesCompareWithoutCase() {
        XCTAssertTrue(ASCIICase.equal("Content-Length", "content-length"))
        XCTAssertFalse(ASCIICase.equal("Content-Length", "content-lengt"))
        XCTAssertFalse(ASCIICase.equal("ETag", "ETAG1"))
    }
}

/// Moving a waiting entry: only its place changes, across hosts too.
final class TransferQueueMoveTests: XCTestCase {
    private func drain(_ q: inout TransferQueue) -> [UInt64] {
        var order: [UInt64] = []
        while let next = q.popNext(canStart: { _ in true }) { order.append(next.id) }
        return order
    }

    func testTopBottomBeforeAndAfterAcrossHosts() {
        var q = TransferQueue()
        for id in 1...5 { q.push(UInt64(id), host: id % 2 == 0 ? "a" : "b", priority: 0) }
        XCTAssertTrue(q.move(5, .top))
        XCTAssertTrue(q.move(1, .bottom))
        XCTAssertTrue(q.move(4, .before(2)))
        XCTAssertTrue(q.move(5, .after(3)))
        q.push(6, host: "a", priority: 0)
        XCTAssertEqual(drain(&q), [4, 2, 3, 5, 1, 6], "a new entry still goes last")
    }

    func testUnknownOrRemovedEntriesDoNotMove() {
        var q = TransferQueue()
        q.push(1, host: "h", priority: 0)
        q.push(2, host: "h", priority: 0)
        q.remove(2)
        XCTAssertFalse(q.move(2, .top))
        XCTAssertFalse(q.move(9, .top))
        XCTAssertFalse(q.move(1, .before(9)))
        XCTAssertEqual(drain(&q), [1])
    }

    func testManyMovesBetweenTheSameTwoKeepTheirOrder() {
        var q = TransferQueue()
        for id in 1...3 { q.push(UInt64(id), host: "h", priority: 0) }
        // 3 goes just after 1 again and again: each time between 1 and 2.
        for _ in 0..<30 {
            XCTAssertTrue(q.move(3, .bottom))
            XCTAssertTrue(q.move(3, .after(1)))
        }
        XCTAssertEqual(drain(&q), [1, 3, 2])
    }
}
