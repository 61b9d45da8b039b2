@testable import TaroNet
import XCTest

final class SchedulerLimitsTests: XCTestCase {
    /// Finished transfers waiting for the disk without a slot: up to three
    /// slots' worth beyond the slots, never more than 64 beyond (each holds
    /// an open file), so the disk worker can sync them in larger batches.
    func testDiskBacklogIsThreeSlotsWorthBeyondTheSlotsAtMost64More() {
        XCTAssertEqual(SchedulerLimits(global: 1, perHost: 1).diskBacklog, 4)
        XCTAssertEqual(SchedulerLimits(global: 16, perHost: 8).diskBacklog, 64)
        XCTAssertEqual(SchedulerLimits(global: 21, perHost: 8).diskBacklog, 84)
        XCTAssertEqual(SchedulerLimits(global: 22, perHost: 8).diskBacklog, 86)
        XCTAssertEqual(SchedulerLimits(global: 200, perHost: 200).diskBacklog, 264)
        // The clamp to one slot applies first.
        XCTAssertEqual(SchedulerLimits(global: 0, perHost: 0).diskBacklog, 4)
    }
}
