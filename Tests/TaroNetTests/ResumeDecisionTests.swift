@testable import TaroNet
import XCTest

/// The resume contract without curl or files: what each response head means
/// for a .part that holds `cursor` bytes of a file of `total`.
final class ResumeDecisionTests: XCTestCase {
    let point = ResumePoint(validator: "\"v1\"", total: 1000, offset: 400)

    private func decide(_ status: Int, range: String? = nil, etag: String? = nil, cursor: Int64 = 400,
                        segmented: Bool = false) -> ResumeDecision {
        ResumeDecision.decide(point: point, cursor: cursor, segmented: segmented, status: status,
                              contentRange: range, etag: etag)
    }

    func testA206ThatStartsAtTheCursorWithTheSameTotalAppends() {
        XCTAssertEqual(decide(206, range: "bytes 400-999/1000"), .append(base: 400))
    }

    func testA206ForAnotherStartOrAnotherTotalStartsOver() {
        XCTAssertEqual(decide(206, range: "bytes 0-999/1000"),
                       .startOver(reason: "the server answered with another range"))
        XCTAssertEqual(decide(206, range: "bytes 400-1999/2000"),
                       .startOver(reason: "the server answered with another range"))
        XCTAssertEqual(decide(206, range: nil), .startOver(reason: "the server answered with another range"))
        XCTAssertEqual(decide(206, range: "bytes junk"), .startOver(reason: "the server answered with another range"))
    }

    func testA200MeansTheWholeNewFileFollows() {
        XCTAssertEqual(decide(200), .restart)
    }

    func testA416ConfirmsACompleteFileOnlyWhenEverythingMatches() {
        XCTAssertEqual(decide(416, range: "bytes */1000", cursor: 1000), .complete(size: 1000))
        XCTAssertEqual(decide(416, range: "bytes */1000", etag: "\"v1\"", cursor: 1000), .complete(size: 1000))
        let startOver = ResumeDecision.startOver(reason: "the file on the server is not the one on disk")
        XCTAssertEqual(decide(416, range: "bytes */1000", etag: "\"v2\"", cursor: 1000), startOver, "another validator")
        XCTAssertEqual(decide(416, range: "bytes */999", cursor: 1000), startOver, "another length")
        XCTAssertEqual(decide(416, range: "bytes */1000", cursor: 400), startOver, "not all of it is on disk")
        XCTAssertEqual(decide(416, range: "bytes */1000", cursor: 1000, segmented: true), startOver)
    }

    func testOtherStatusesAreLeftToTheUsualHandling() {
        XCTAssertEqual(decide(404), .notApplicable)
        XCTAssertEqual(decide(503), .notApplicable)
    }
}
