@testable import TaroNet
import XCTest

/// The rate policy without a network: max-min fair shares of a global limit.
final class BandwidthSharesTests: XCTestCase {
    func testAGlobalLimitIsSplitEquallyAmongUncappedTransfers() {
        XCTAssertEqual(BandwidthShares.waterFill(global: 1_000_000, own: [0, 0, 0, 0]), [250_000, 250_000, 250_000, 250_000])
    }

    func testATransferCappedBelowItsShareLeavesTheRestToTheOthers() {
        XCTAssertEqual(BandwidthShares.waterFill(global: 1_000_000, own: [0, 100_000, 0]), [450_000, 100_000, 450_000])
        XCTAssertEqual(BandwidthShares.waterFill(global: 1_000_000, own: [2_000_000, 0]), [500_000, 500_000])
    }

    func testWithoutAGlobalLimitEachKeepsItsOwnCap() {
        XCTAssertEqual(BandwidthShares.waterFill(global: 0, own: [0, 300]), [0, 300])
    }

    func testSharesAdaptAsTransfersStartPauseAndEndAndOnlyChangesAreSent() {
        var shares = BandwidthShares()
        shares.setLimits(RateLimits(download: 1_200, upload: 600))
        shares.join(1, direction: .download, own: 0)
        XCTAssertEqual(shares.changes().map(\.cap), [1_200])
        shares.join(2, direction: .download, own: 0)
        shares.join(3, direction: .upload, own: 0)
        let second = Dictionary(uniqueKeysWithValues: shares.changes().map { ($0.id, $0.cap) })
        XCTAssertEqual(second, [1: 600, 2: 600, 3: 600], "uploads count against their own limit")
        XCTAssertTrue(shares.changes().isEmpty, "nothing changed, nothing sent")
        shares.pause(2)
        XCTAssertEqual(shares.changes().map(\.id), [1], "a paused one's share goes to the others")
        XCTAssertEqual(shares.changes().count, 0)
        shares.leave(1)
        shares.join(2, direction: .download, own: 0)
        XCTAssertEqual(shares.changes().map(\.cap), [1_200])
        shares.setLimits(.none)
        XCTAssertEqual(Set(shares.changes().map(\.cap)), [0], "lifting the limit uncaps everyone")
    }

    func testAShareOneCannotUseGoesToTheOthersUntilItCanAgain() {
        var shares = BandwidthShares()
        shares.setLimits(RateLimits(download: 1_000_000))
        shares.join(1, direction: .download, own: 0, now: 0)
        shares.join(2, direction: .download, own: 0, now: 0)
        _ = shares.changes(now: 0)
        shares.observe(1, bytesPerSecond: 100_000, now: 1_000_000_000)
        XCTAssertTrue(shares.changes(now: 1_000_000_000).isEmpty, "not judged before it settled")
        shares.observe(1, bytesPerSecond: 100_000, now: 3_000_000_000)
        let held = Dictionary(uniqueKeysWithValues: shares.changes(now: 3_000_000_000).map { ($0.id, $0.cap) })
        XCTAssertEqual(held, [1: 125_000, 2: 875_000], "its server holds it back: the rest goes to the other")
        shares.observe(2, bytesPerSecond: 500_000, now: 4_000_000_000)
        XCTAssertTrue(shares.changes(now: 4_000_000_000).isEmpty, "a raised cap is not judged until the rate caught up")
        shares.observe(1, bytesPerSecond: 120_000, now: 4_000_000_000)
        let back = Dictionary(uniqueKeysWithValues: shares.changes(now: 4_000_000_000).map { ($0.id, $0.cap) })
        XCTAssertEqual(back, [1: 500_000, 2: 500_000], "it takes its cap again: its full share back")
    }
}
