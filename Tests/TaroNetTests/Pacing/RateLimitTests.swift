import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// Rate limits measured at the wire: the server counts the bytes through
/// its sockets while the client paces itself. After a warm-up (the socket
/// buffers fill once at full speed; the server's send buffer is kept at
/// 16 KiB with `sndbuf=` so that it holds little), the rate over the window
/// must be within ±10% of the limit.
final class RateLimitTests: LoopbackTestCase {
    private let mib: Int64 = 1 << 20
    private let big = 1 << 33  // far more than any window moves

    private func manager(_ configure: (inout ManagerOptions) -> Void) -> TransferManager {
        var options = ManagerOptions(limit: 16)
        configure(&options)
        return try! TransferManager(options: options)
    }

    private func assertNear(_ rate: Double, _ limit: Int64, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let ratio = rate / Double(limit)
        print("\(what): \(Int(rate)) B/s at the wire for a limit of \(limit) B/s (\(String(format: "%.3f", ratio))×)")
        XCTAssertEqual(ratio, 1, accuracy: 0.10, what, file: file, line: line)
    }

    func testOneTransferIsHeldToItsOwnCapAtTheWire() {
        let manager = manager { $0.transferRateLimits.download = 2 * mib }
        defer { manager.shutdown() }
        manager.addDownload(url: server.url("/bytes/\(big)?sndbuf=16384&seed=1"), directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { self.server.bytesSent > 0 })
        Thread.sleep(forTimeInterval: 1.5)
        assertNear(WireRate.sent(server, over: WireRate.window(4)), 2 * mib, "1 transfer, own cap 2 MiB/s")
    }

    func testSixteenTransfersShareTheGlobalLimitFairly() {
        let manager = manager { $0.rateLimits.download = 2 * mib }
        defer { manager.shutdown() }
        let ids = manager.addDownloads(urls: (0..<16).map { server.url("/bytes/\(big)?sndbuf=16384&seed=\($0)") }, directory: dir.path)
        XCTAssertTrue(WireRate.wait(20) {
            manager.snapshot().items.filter { $0.state == .active }.count == 16
        }, "all sixteen run")
        Thread.sleep(forTimeInterval: 1.5)
        let before = Dictionary(uniqueKeysWithValues: manager.snapshot().items.map { ($0.id, $0.bytesDone) })
        assertNear(WireRate.sent(server, over: WireRate.window(4)), 2 * mib, "16 transfers, global 2 MiB/s")
        let moved = manager.snapshot().items.filter { ids.contains($0.id) }.map { $0.bytesDone - (before[$0.id] ?? 0) }
        let mean = Double(moved.reduce(0, +)) / Double(moved.count)
        for (index, bytes) in moved.enumerated() {
            XCTAssertGreaterThan(Double(bytes), mean * 0.5, "transfer \(index) got its share: \(moved)")
        }
    }

    func testALiveChangeOfTheGlobalLimitTakesEffect() {
        let manager = manager { $0.rateLimits.download = 4 * mib }
        defer { manager.shutdown() }
        manager.addDownloads(urls: (0..<2).map { server.url("/bytes/\(big)?sndbuf=16384&seed=\($0)") }, directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { self.server.bytesSent > 0 })
        Thread.sleep(forTimeInterval: 1.5)
        assertNear(WireRate.sent(server, over: WireRate.window(3)), 4 * mib, "global 4 MiB/s")
        manager.setRateLimits(RateLimits(download: mib))
        XCTAssertEqual(manager.rateLimits.download, mib)
        Thread.sleep(forTimeInterval: 1.5)
        assertNear(WireRate.sent(server, over: WireRate.window(3)), mib, "changed live to 1 MiB/s")
    }

    func testALiveCapOnOneRowLeavesTheRestOfTheGlobalLimitToTheOther() {
        let manager = manager { $0.rateLimits.download = 2 * mib }
        defer { manager.shutdown() }
        let ids = manager.addDownloads(urls: (0..<2).map { server.url("/bytes/\(big)?sndbuf=16384&seed=\($0)") }, directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { manager.snapshot().items.allSatisfy { $0.state == .active } })
        manager.setRateLimit(ids[0], bytesPerSecond: mib / 4)
        XCTAssertEqual(manager.snapshot().items.first { $0.id == ids[0] }?.rateLimit, mib / 4, "shown on the row")
        Thread.sleep(forTimeInterval: 1.5)
        let before = manager.snapshot().items.map(\.bytesDone)
        let seconds = WireRate.window(3)
        let wire = WireRate.sent(server, over: seconds)
        let after = manager.snapshot().items.map(\.bytesDone)
        assertNear(wire, 2 * mib, "global 2 MiB/s, one row capped at 256 KiB/s")
        let capped = Double(after[0] - before[0]) / seconds
        XCTAssertEqual(capped / Double(mib / 4), 1, accuracy: 0.2, "the capped row: \(capped) B/s")
    }

    func testARawPutIsHeldToTheUploadLimitAtTheWire() throws {
        let file = dir.file("up.bin")
        let size = 64 * 1024 * 1024
        FileManager.default.createFile(atPath: file, contents: Data(count: size))
        let manager = manager { $0.rateLimits.upload = 2 * mib }
        defer { manager.shutdown() }
        manager.addUpload(filePath: file, url: server.url("/upload"), put: true)
        XCTAssertTrue(WireRate.wait(10) { self.server.bytesReceived > 0 })
        Thread.sleep(forTimeInterval: 1.5)
        assertNear(WireRate.received(server, over: WireRate.window(3)), 2 * mib, "upload, global 2 MiB/s")
    }

    func testAShareOneTransferCannotUseGoesToTheOther() {
        let manager = manager { $0.rateLimits.download = 2 * mib }
        defer { manager.shutdown() }
        // One server sends at 256 KiB/s whatever its share; the other as fast as allowed.
        let slow = manager.addDownload(url: server.url("/bytes/\(big)?sndbuf=16384&rate=262144&seed=1"), directory: dir.path)
        manager.addDownload(url: server.url("/bytes/\(big)?sndbuf=16384&seed=2"), directory: dir.path)
        XCTAssertTrue(WireRate.wait(10) { manager.snapshot().items.allSatisfy { $0.state == .active } })
        Thread.sleep(forTimeInterval: 5)
        assertNear(WireRate.sent(server, over: WireRate.window(4)), 2 * mib,
                   "global 2 MiB/s, one transfer held to 256 KiB/s by its server")
        let slowRate = manager.snapshot().items.first { $0.id == slow }?.bytesPerSecond ?? 0
        XCTAssertLessThan(slowRate, 400_000, "the slow one stays slow: \(slowRate)")
    }
}
