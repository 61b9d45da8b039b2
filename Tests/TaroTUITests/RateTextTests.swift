import TaroNet
@testable import TaroTUI
import XCTest

/// Rates as curl writes them, and the flags that take them.
final class RateTextTests: XCTestCase {
    func testCurlsSuffixesArePowersOf1024InEitherCase() throws {
        XCTAssertEqual(try RateText.parse("2M"), 2 * 1024 * 1024)
        XCTAssertEqual(try RateText.parse("512k"), 512 * 1024)
        XCTAssertEqual(try RateText.parse("1G"), 1 << 30)
        XCTAssertEqual(try RateText.parse("1.5m"), 3 * 512 * 1024)
        XCTAssertEqual(try RateText.parse("1000"), 1000)
        XCTAssertEqual(try RateText.parse("0"), 0)
    }

    func testJunkIsRefusedWithTheFormItWants() {
        for bad in ["", "fast", "-1M", "2MB", "1e9", "M", "1..2k"] {
            XCTAssertThrowsError(try RateText.parse(bad), bad) { error in
                XCTAssertTrue("\(error)".contains("not a rate"), "\(error)")
            }
        }
    }

    func testFormatWritesTheSameFormBack() {
        XCTAssertEqual(RateText.format(2 * 1024 * 1024), "2M")
        XCTAssertEqual(RateText.format(1536 * 1024), "1.5M")
        XCTAssertEqual(RateText.format(100), "100")
        XCTAssertEqual(RateText.format(0), "none")
    }

    func testTheFlagsFillTheManagersOptions() throws {
        var flags = RateFlags()
        XCTAssertTrue(try flags.take("--limit-rate", "2M"))
        XCTAssertTrue(try flags.take("--limit-rate-up", "1M"))
        XCTAssertTrue(try flags.take("--limit-rate-each", "256k"))
        XCTAssertTrue(try flags.take("--limit-rate-up-each", "128k"))
        XCTAssertTrue(try flags.take("--per-host", "2"))
        XCTAssertFalse(try flags.take("-j", "2"))
        XCTAssertThrowsError(try flags.take("--limit-rate", "lots"))
        XCTAssertThrowsError(try flags.take("--per-host", "0"))
        var options = ManagerOptions()
        flags.apply(to: &options)
        XCTAssertEqual(options.rateLimits, RateLimits(download: 2 << 20, upload: 1 << 20))
        XCTAssertEqual(options.transferRateLimits, RateLimits(download: 256 << 10, upload: 128 << 10))
        XCTAssertEqual(options.perHostLimit, 2)
    }
}
