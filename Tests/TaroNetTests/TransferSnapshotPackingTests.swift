@testable import TaroNet
import Foundation
import XCTest

/// A snapshot keeps its optional numbers packed; what reads back must be
/// exactly what was set, nil included.
final class TransferSnapshotPackingTests: XCTestCase {
    func testPackedFieldsReadBackWhatWasSetNilIncluded() {
        var row = TransferSnapshot(id: 1, kind: .download, url: "http://h/f", name: "f", state: .queued)
        XCTAssertNil(row.bytesTotal)
        XCTAssertNil(row.statusCode)
        XCTAssertNil(row.startedAt)
        XCTAssertNil(row.finishedAt)
        XCTAssertEqual(row.attempt, 1)
        let started = Date(timeIntervalSinceReferenceDate: 123.456789)
        row.bytesTotal = 0
        row.statusCode = 206
        row.startedAt = started
        row.finishedAt = Date(timeIntervalSinceReferenceDate: -5)
        row.attempt = 7
        XCTAssertEqual(row.bytesTotal, 0, "0 is a size, not nil")
        XCTAssertEqual(row.statusCode, 206)
        XCTAssertEqual(row.startedAt, started)
        XCTAssertEqual(row.finishedAt, Date(timeIntervalSinceReferenceDate: -5))
        XCTAssertEqual(row.attempt, 7)
        var other = row
        other.statusCode = nil
        other.bytesTotal = nil
        other.finishedAt = nil
        XCTAssertNotEqual(other, row)
        XCTAssertNil(other.statusCode)
        XCTAssertNil(other.bytesTotal)
        XCTAssertNil(other.finishedAt)
        other.statusCode = 206
        other.bytesTotal = 0
        other.finishedAt = row.finishedAt
        XCTAssertEqual(other, row)
    }

    func testASnapshotStaysSmall() {
        // Two copies per listed transfer (the manager's, the TUI's): 192
        // bytes each before packing.
        XCTAssertLessThanOrEqual(MemoryLayout<TransferSnapshot>.stride, 144)
    }
}
