@testable import TaroNet
import Foundation
import TaroServer
import XCTest

/// Transient failures are retried with backoff, resuming where they can.
final class RetryTests: XCTestCase {
    var server: TaroServer!
    var dir: TestDirectory!

    override func setUp() async throws {
        server = try TaroServer()
        dir = TestDirectory()
    }

    override func tearDown() async throws {
        server.stop()
        dir.remove()
    }

    private func managed(_ retry: RetryPolicy) throws -> TransferManager {
        try TransferManager(options: ManagerOptions(limit: 4, retry: retry, stallSeconds: 2))
    }

    private func waitForFinal(_ manager: TransferManager, _ id: UInt64, timeout: TimeInterval = 30) -> TransferSnapshot? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let snap = manager.snapshot().items.first(where: { $0.id == id }), snap.state.isFinal { return snap }
            manager.waitForSettlement(timeout: 0.1)
        }
        return nil
    }

    func testAServerThatClosesMidBodyTwentyTimesStillGivesTheWholeFile() async throws {
        let manager = try managed(RetryPolicy(maxAttempts: 40, baseDelay: 0.01, maxDelay: 0.05))
        defer { manager.shutdown() }
        server.setResource("/cut.bin", ServedResource(size: 2_100_000, seed: 50, etag: "c1"))
        let id = manager.addDownload(url: server.url("/cut.bin?closeAfter=100000"), path: dir.file("cut.bin"))
        let snap = try XCTUnwrap(waitForFinal(manager, id))
        XCTAssertEqual(snap.state, .done, snap.errorMessage ?? "")
        XCTAssertEqual(try sha256sum(dir.file("cut.bin")), DeterministicBody.sha256Hex(seed: 50, size: 2_100_000))
        XCTAssertGreaterThanOrEqual(snap.attempt, 21)
        XCTAssertGreaterThanOrEqual(snap.attemptLog.count, 20, "each attempt and its reason are kept")
        let ranged = server.requestLog.filter { $0.header("Range") != nil }
        XCTAssertGreaterThanOrEqual(ranged.count, 20, "every retry resumed instead of starting over")
        XCTAssertEqual(server.requestLog.count, ranged.count + 1)
    }

    func test503IsRetriedHonouringRetryAfter() async throws {
        let manager = try managed(RetryPolicy(maxAttempts: 5, baseDelay: 0.01))
        defer { manager.shutdown() }
        let start = Date()
        let id = manager.addDownload(url: server.url("/bytes/1000?seed=51&failFirst=2&retryAfter=1"), path: dir.file("a"))
        let snap = try XCTUnwrap(waitForFinal(manager, id))
        XCTAssertEqual(snap.state, .done)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 1.9, "two Retry-After: 1 waits")
        XCTAssertEqual(snap.attempt, 3)
        XCTAssertTrue(snap.attemptLog.first?.contains("HTTP 503") == true, "\(snap.attemptLog)")
        XCTAssertEqual(try sha256sum(dir.file("a")), DeterministicBody.sha256Hex(seed: 51, size: 1000))
    }

    func testEveryTransientStatusIsRetried() async throws {
        let manager = try managed(RetryPolicy(maxAttempts: 3, baseDelay: 0.01))
        defer { manager.shutdown() }
        var ids: [Int: UInt64] = [:]
        for code in [408, 429, 500, 502, 503, 504] {
            ids[code] = manager.addDownload(url: server.url("/bytes/100?failFirst=1&failStatus=\(code)&failKey=k\(code)"),
                                            path: dir.file("s\(code)"))
        }
        for (code, id) in ids {
            let snap = try XCTUnwrap(waitForFinal(manager, id))
            XCTAssertEqual(snap.state, .done, "\(code): \(snap.errorMessage ?? "")")
            XCTAssertEqual(snap.attempt, 2, "\(code)")
        }
    }

    func testA404IsNotRetried() async throws {
        let manager = try managed(RetryPolicy(maxAttempts: 5, baseDelay: 0.01))
        defer { manager.shutdown() }
        let id = manager.addDownload(url: server.url("/status/404"), path: dir.file("nf"))
        let snap = try XCTUnwrap(waitForFinal(manager, id))
        XCTAssertEqual(snap.state, .failed)
        XCTAssertEqual(snap.attempt, 1)
        XCTAssertEqual(snap.errorMessage, "HTTP 404 Not Found")
        XCTAssertFalse(fileExists(dir.file("nf")))
    }

    func testGivingUpAfterTheLastAttemptSaysWhy() async throws {
        let manager = try managed(RetryPolicy(maxAttempts: 3, baseDelay: 0.01))
        defer { manager.shutdown() }
        let id = manager.addDownload(url: server.url("/bytes/100?failFirst=10&failKey=always"), path: dir.file("g"))
        let snap = try XCTUnwrap(waitForFinal(manager, id))
        XCTAssertEqual(snap.state, .failed)
        XCTAssertEqual(snap.attempt, 3)
        XCTAssertEqual(snap.errorMessage, "HTTP 503 Service Unavailable")
        XCTAssertEqual(snap.attemptLog.count, 2)
    }

    func testAStalledConnectionIsDroppedAndResumed() async throws {
        let manager = try managed(RetryPolicy(maxAttempts: 4, baseDelay: 0.01))
        defer { manager.shutdown() }
        server.setResource("/stall.bin", ServedResource(size: 600_000, seed: 52, etag: "s1"))
        let id = manager.addDownload(url: server.url("/stall.bin?stallAfter=400000"), path: dir.file("stall"))
        // The first attempt stalls after 400 KB; the resumed one asks for the rest, which stalls
        // again only after another 400 KB — past the end, so it completes.
        let snap = try XCTUnwrap(waitForFinal(manager, id, timeout: 20))
        XCTAssertEqual(snap.state, .done, snap.errorMessage ?? "")
        XCTAssertTrue(snap.attemptLog.first?.contains("stalled") == true, "\(snap.attemptLog)")
        XCTAssertEqual(try sha256sum(dir.file("stall")), DeterministicBody.sha256Hex(seed: 52, size: 600_000))
    }

    func testBackoffGrowsAndJitters() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 1, maxDelay: 8)
        XCTAssertEqual(policy.delay(after: 1, retryAfter: nil, unit: 0), 0.5)
        XCTAssertEqual(policy.delay(after: 1, retryAfter: nil, unit: 1), 1)
        XCTAssertEqual(policy.delay(after: 3, retryAfter: nil, unit: 1), 4)
        XCTAssertEqual(policy.delay(after: 9, retryAfter: nil, unit: 1), 8, "capped")
        XCTAssertEqual(policy.delay(after: 2, retryAfter: 7, unit: 0.3), 7, "Retry-After wins")
        XCTAssertEqual(policy.delay(after: 2, retryAfter: 10_000, unit: 0.3), 120, "but is capped")
        XCTAssertEqual(RetryAfter.seconds("12"), 12)
        XCTAssertNil(RetryAfter.seconds("soon"))
    }
}
