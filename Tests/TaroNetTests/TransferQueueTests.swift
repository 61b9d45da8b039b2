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

extension TransferQueueTests {
    /// Moved twice before its old entries come up (a remote client's
    /// changePosition): only the newest entry counts, wherever the old ones are.
    func testAnEntryRemovedAndPushedTwiceStartsOnceAtItsNewestPlace() {
        var q = TransferQueue()
        for id in 1...3 { q.push(UInt64(id), host: "h", priority: 0) }
        q.remove(1)
        q.push(1, host: "h", priority: 0)
        q.remove(2)
        q.push(2, host: "h", priority: 0)
        q.remove(1)
        q.push(1, host: "h", priority: 0)
        XCTAssertEqual(q.count, 3)
        var order: [UInt64] = []
        while let next = q.popNext(canStart: { _ in true }) { order.append(next.id) }
        XCTAssertEqual(order, [3, 2, 1])
        XCTAssertEqual(q.count, 0)
    }
}
