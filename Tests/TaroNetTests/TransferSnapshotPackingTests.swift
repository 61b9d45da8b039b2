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
        // One per listed transfer: 192 bytes before packing, 144 before
        // the rare error message went into the details box.
        XCTAssertLessThanOrEqual(MemoryLayout<TransferSnapshot>.stride, 128)
    }

    func testTheErrorMessageIsKeptThroughCopiesAndWhenDetailsAreDropped() {
        var row = TransferSnapshot(id: 1, kind: .download, url: "http://h/f", name: "f", state: .done,
                                   errorMessage: "checked twice")
        XCTAssertEqual(row.errorMessage, "checked twice")
        let before = row
        row.errorMessage = "changed"
        XCTAssertEqual(before.errorMessage, "checked twice", "a copy keeps its own message")
        XCTAssertNotEqual(before, row)
        XCTAssertEqual(row.droppingDetails().errorMessage, "changed", "the words stay when the details go")
        row.errorMessage = nil
        XCTAssertNil(row.errorMessage)
        XCTAssertNil(TransferSnapshot(id: 2, kind: .download, url: "u", name: "n", state: .queued).errorMessage)
    }
}
