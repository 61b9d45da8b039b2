import TaroNet
import XCTest
@testable import TaroTUI

final class FormatTests: XCTestCase {
    func testByteSizes() {
        XCTAssertEqual(ByteFormat.size(0), "0 B")
        XCTAssertEqual(ByteFormat.size(1023), "1023 B")
        XCTAssertEqual(ByteFormat.size(1024), "1.0 KiB")
        XCTAssertEqual(ByteFormat.size(1536), "1.5 KiB")
        XCTAssertEqual(ByteFormat.size(100 * 1024), "100 KiB")
        XCTAssertEqual(ByteFormat.size(1023 * 1024), "1023 KiB")
        XCTAssertEqual(ByteFormat.size(5 * 1_048_576), "5.0 MiB")
        XCTAssertEqual(ByteFormat.size(3 * 1_073_741_824 / 2), "1.5 GiB")
        XCTAssertEqual(ByteFormat.size(-5), "0 B")
        XCTAssertEqual(ByteFormat.rate(1_048_576 * 12.5), "12.5 MiB/s")
        XCTAssertEqual(ByteFormat.rate(.nan), "")
    }

    func testETAs() {
        XCTAssertEqual(DurationFormat.eta(0), "0s")
        XCTAssertEqual(DurationFormat.eta(44.2), "45s")
        XCTAssertEqual(DurationFormat.eta(184), "3m04s")
        XCTAssertEqual(DurationFormat.eta(3720), "1h02m")
        XCTAssertEqual(DurationFormat.eta(2 * 86_400 + 3 * 3600), "2d03h")
        XCTAssertEqual(DurationFormat.eta(1e9), ">99d")
        XCTAssertEqual(DurationFormat.eta(.infinity), "")
    }

    func testTimings() {
        XCTAssertEqual(DurationFormat.timing(0.0012), "1.2 ms")
        XCTAssertEqual(DurationFormat.timing(0.042), "42 ms")
        XCTAssertEqual(DurationFormat.timing(1.5), "1.50 s")
    }

    func testTruncation() {
        XCTAssertEqual(TextFit.truncate("abcdef", to: 4, ellipsis: "…"), "abc…")
        XCTAssertEqual(TextFit.truncate("abc", to: 4, ellipsis: "…"), "abc")
        XCTAssertEqual(TextFit.truncate("数据集", to: 4, ellipsis: "…"), "数…")
        XCTAssertEqual(TextFit.truncateMiddle("very-long-name-001.bin", to: 12, ellipsis: "…"), "very-l…1.bin")
        // A wide character never gets cut in half: one column may stay empty.
        let cut = TextFit.truncateMiddle("数据集-データ.bin", to: 10, ellipsis: "…")
        XCTAssertEqual(cut, "数据….bin")
        XCTAssertEqual(DisplayWidth.of(cut), 9)
        XCTAssertEqual(TextFit.truncateMiddle("数据集-データ.bin", to: 11, ellipsis: "…"), "数据集….bin")
        XCTAssertEqual(TextFit.wrap("abcdefg", width: 3), ["abc", "def", "g"])
        XCTAssertEqual(TextFit.wrap("数据集", width: 3), ["数", "据", "集"])
        XCTAssertEqual(TextFit.rightAligned("ab", width: 4), "  ab")
    }

    func testUserinfoIsRemovedFromURLs() {
        XCTAssertEqual(URLRedaction.withoutUserinfo("https://user:pw@host/a@b"), "https://host/a@b")
        XCTAssertEqual(URLRedaction.withoutUserinfo("https://host/a@b"), "https://host/a@b")
        XCTAssertEqual(URLRedaction.withoutUserinfo("not a url"), "not a url")
    }

    func testGroupedCounts() {
        XCTAssertEqual(CountFormat.grouped(0), "0")
        XCTAssertEqual(CountFormat.grouped(999), "999")
        XCTAssertEqual(CountFormat.grouped(1000), "1,000")
        XCTAssertEqual(CountFormat.grouped(12345), "12,345")
        XCTAssertEqual(CountFormat.grouped(100_000), "100,000")
        XCTAssertEqual(CountFormat.grouped(1_234_567), "1,234,567")
        XCTAssertEqual(CountFormat.grouped(-4200), "-4,200")
    }
}
