import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// A host that answers 429 with Retry-After is left alone by every transfer
/// to it until then, and the waiting rows say why and until when; another
/// host is not held.
final class PoliteHostTests: LoopbackTestCase {
    func testA429WithRetryAfterHoldsTheHostsOtherTransfersButNotAnotherHosts() throws {
        let other = try TaroServer()
        defer { other.stop() }
        let manager = TransferManager(limit: 4)
        defer { manager.shutdown() }
        let retryAfter = 3.0
        let first = manager.addDownload(url: server.url("/bytes/1000?seed=1&failFirst=1&failStatus=429&retryAfter=3"),
                                        directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { self.row(manager, first)?.hostWait != nil }, "the 429 cools the host")
        let cooledAt = Date()
        let wait = try XCTUnwrap(row(manager, first)?.hostWait)
        XCTAssertEqual(wait.reason, "HTTP 429 Retry-After")
        XCTAssertEqual(wait.until.timeIntervalSince(cooledAt), retryAfter, accuracy: 1.0)

        let sameHost = manager.addDownload(url: server.url("/bytes/2000?seed=2"), directory: dir.path)
        let otherHost = manager.addDownload(url: other.url("/bytes/2000?seed=3"), directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { self.row(manager, otherHost)?.state == .done }, "another host is not held")
        XCTAssertEqual(row(manager, sameHost)?.state, .queued)
        XCTAssertEqual(row(manager, sameHost)?.hostWait?.reason, "HTTP 429 Retry-After", "the row says why")
        XCTAssertEqual(row(manager, sameHost)?.hostWait?.until, wait.until, "and until when")

        // Nothing reaches the cooling host before the cooldown ends.
        while Date() < wait.until.addingTimeInterval(-0.5) {
            XCTAssertFalse(server.requestLog.contains { $0.target.contains("seed=2") },
                           "a request reached the host \(wait.until.timeIntervalSinceNow) s before its cooldown ended")
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(WireRate.wait(15) {
            self.row(manager, sameHost)?.state == .done && self.row(manager, first)?.state == .done
        }, "both go once the host has cooled down")
        XCTAssertNil(row(manager, sameHost)?.hostWait)
        XCTAssertEqual(try sha256sum(dir.file("2000")), DeterministicBody.sha256Hex(seed: 2, size: 2000))
    }

    func testRepeatedRefusedConnectionsCoolTheHost() throws {
        // A port nobody listens on: bind one, note its number, close it.
        let closed = try TaroServer()
        let url = closed.url("/bytes/10")
        closed.stop()
        var options = ManagerOptions(limit: 4, retry: RetryPolicy(maxAttempts: 8, baseDelay: 0.05, maxDelay: 0.1))
        options.stallSeconds = 0
        let manager = try TransferManager(options: options)
        defer { manager.shutdown() }
        let ids = (0..<3).map { _ in manager.addDownload(url: url, directory: dir.path) }
        XCTAssertTrue(WireRate.wait(10) { ids.allSatisfy { self.row(manager, $0)?.hostWait != nil } })
        XCTAssertTrue(row(manager, ids[0])?.hostWait?.reason.hasSuffix("connection failures") ?? false,
                      "\(String(describing: row(manager, ids[0])?.hostWait))")
    }

    private func row(_ manager: TransferManager, _ id: UInt64) -> TransferSnapshot? {
        manager.snapshot().items.first { $0.id == id }
    }
}
