@testable import TaroNet
import XCTest

/// When a host is left alone, without a network.
final class HostCooldownsTests: XCTestCase {
    func testA429WithRetryAfterCoolsTheHostUntilThen() {
        var c = HostCooldowns()
        let cooldown = c.failed("http://a:80", .transient("HTTP 429 Too Many Requests", retryAfter: 7), now: 1_000)
        XCTAssertEqual(cooldown?.until, 1_000 + 7_000_000_000)
        XCTAssertEqual(cooldown?.reason, "HTTP 429 Retry-After")
        XCTAssertTrue(c.isCooling("http://a:80"))
        XCTAssertFalse(c.isCooling("http://b:80"))
        XCTAssertNil(c.failed("http://a:80", .transient("HTTP 503 x", retryAfter: 3), now: 2_000),
                     "a shorter one does not shorten it")
        XCTAssertEqual(c.expire(now: 7_000_000_999), [])
        XCTAssertEqual(c.expire(now: 7_000_001_000), ["http://a:80"])
        XCTAssertFalse(c.isCooling("http://a:80"))
    }

    func testOtherFailuresDoNotCool() {
        var c = HostCooldowns()
        XCTAssertNil(c.failed("h", .transient("HTTP 500 x", retryAfter: 5)))
        XCTAssertNil(c.failed("h", .transient("HTTP 429 x", retryAfter: nil)))
        XCTAssertNil(c.failed("h", .message("HTTP 404")))
    }

    func testRepeatedConnectionFailuresCoolLongerEachTime() {
        var c = HostCooldowns()
        let refused = TransferFailure.transient("Failed to connect to 127.0.0.1 port 1: Connection refused", retryAfter: nil)
        XCTAssertNil(c.failed("h", refused, now: 0))
        XCTAssertNil(c.failed("h", refused, now: 0))
        XCTAssertEqual(c.failed("h", refused, now: 0)?.until, 5_000_000_000)
        XCTAssertEqual(c.failed("h", refused, now: 0)?.until, 10_000_000_000)
        c.answered("h")
        _ = c.expire(now: .max)
        XCTAssertNil(c.failed("h", refused, now: 0), "an answer resets the count")
    }
}
