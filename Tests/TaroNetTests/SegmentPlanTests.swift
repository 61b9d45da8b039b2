@testable import TaroNet
import XCTest

final class SegmentPlanTests: XCTestCase {
    func testSplitsIntoEqualRangesCoveringTheFile() {
        let plan = SegmentPlan(total: 1000, connections: 4, minimumSize: 10)
        XCTAssertEqual(plan.segments.map(\.start), [0, 250, 500, 750])
        XCTAssertEqual(plan.segments.map(\.end), [250, 500, 750, 1000])
        XCTAssertTrue(plan[0].active, "the first range belongs to the connection already open")
        XCTAssertEqual(plan.idleIndices, [1, 2, 3])
    }

    func testSmallFilesGetFewerSegments() {
        XCTAssertEqual(SegmentPlan(total: 100, connections: 8, minimumSize: 40).segments.count, 2)
        XCTAssertEqual(SegmentPlan(total: 10, connections: 8, minimumSize: 40).segments.count, 1)
        let odd = SegmentPlan(total: 1001, connections: 3, minimumSize: 1)
        XCTAssertEqual(odd.segments.last?.end, 1001)
    }

    func testBytesPastABoundaryAreNotCounted() {
        var plan = SegmentPlan(total: 100, connections: 2, minimumSize: 1)
        XCTAssertEqual(plan.accept(30, into: 0), 30)
        XCTAssertEqual(plan.accept(30, into: 0), 20, "only 50 bytes belong to segment 0")
        XCTAssertTrue(plan[0].isComplete)
        XCTAssertEqual(plan.totalWritten, 50)
        XCTAssertFalse(plan.isComplete)
        XCTAssertEqual(plan.accept(50, into: 1), 50)
        XCTAssertTrue(plan.isComplete)
        XCTAssertEqual(plan.totalWritten, 100, "progress adds up exactly, never over the total")
    }

    func testStealingSplitsTheLargestActiveRemainderInHalf() {
        var plan = SegmentPlan(total: 4 << 20, connections: 2, minimumSize: 256 << 10)
        plan.setActive(1, true)
        _ = plan.accept(2 << 20, into: 1)  // segment 1 done
        plan.setActive(1, false)
        _ = plan.accept(256 << 10, into: 0)  // segment 0: 1.75 MiB left
        let stolen = plan.steal(minimumSize: 256 << 10)
        XCTAssertEqual(stolen, 2)
        let victim = plan[0], thief = plan[2]
        XCTAssertEqual(victim.end, thief.start, "no gap, no overlap")
        XCTAssertEqual(thief.end, 2 << 20)
        XCTAssertEqual(thief.start % (64 << 10), 0)
        XCTAssertGreaterThan(victim.end, victim.cursor)
        XCTAssertEqual(plan.idleIndices, [2])
    }

    func testNothingToStealWhenTheRemaindersAreSmall() {
        var plan = SegmentPlan(total: 1 << 20, connections: 2, minimumSize: 256 << 10)
        _ = plan.accept((512 << 10) - 1000, into: 0)
        XCTAssertNil(plan.steal(minimumSize: 256 << 10))
    }
}
