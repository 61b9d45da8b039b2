@testable import TaroNet
import Foundation
import XCTest

/// How the manager stores a long list: rows in a dense table, and old
/// finished rows without their header lines.
final class ManagerRowStorageTests: XCTestCase {
    private func row(_ id: UInt64) -> ManagedRow {
        let request = TransferRequest.download(url: "http://h/f\(id)", path: "/tmp/f\(id)", headers: [:])
        return ManagedRow(request: request, serverNaming: id % 2 == 0, earlierAttempts: 0)
    }

    private func snapshot(_ id: UInt64) -> TransferSnapshot {
        TransferRequest.download(url: "http://h/f\(id)", path: "/tmp/f\(id)", headers: [:])
            .queuedSnapshot(id: id, addedAt: Date())
    }

    func testRowTableInsertsUpdatesRemovesAndReusesSlots() {
        var table = RowTable()
        for id in UInt64(1)...3000 { table[id] = row(id) }
        XCTAssertEqual(table.count, 3000)
        table[17]?.earlierAttempts = 7
        XCTAssertEqual(table[17]?.earlierAttempts, 7, "changed in place")
        XCTAssertEqual(table.removeValue(forKey: 5)?.request.url, "http://h/f5")
        table[6] = nil
        XCTAssertNil(table[5])
        XCTAssertNil(table[6])
        XCTAssertNil(table.removeValue(forKey: 5))
        table[9999]?.earlierAttempts = 3
        XCTAssertNil(table[9999], "changing a missing row adds nothing")
        table[4001] = row(4001)
        table[4002] = row(4002)
        XCTAssertEqual(table.count, 3000)
        var seen = Set<UInt64>()
        table.forEach { id, row in
            XCTAssertEqual(row.request.url, "http://h/f\(id)")
            seen.insert(id)
        }
        XCTAssertEqual(seen, Set(UInt64(1)...3000).subtracting([5, 6]).union([4001, 4002]))
        XCTAssertEqual(Set(table.ids), seen)
        XCTAssertEqual(table[4001]?.request.url, "http://h/f4001")
        XCTAssertEqual(table[17]?.earlierAttempts, 7, "reusing a slot leaves the others alone")
        XCTAssertEqual(table.withValue(17) { row in
            row.coreVersion = 9
            return row.earlierAttempts
        }, 7, "read where it is stored")
        XCTAssertEqual(table[17]?.coreVersion, 9, "and changed there")
        XCTAssertNil(table.withValue(5) { $0.earlierAttempts }, "a removed row")
        XCTAssertNil(table.withValue(9999) { $0.earlierAttempts }, "a row never listed")
        XCTAssertEqual(table.count, 3000)
    }

    /// What a listed row costs the manager besides its snapshot: packed
    /// (208 bytes before, 152 before its saved record was one fingerprint),
    /// the rare checksum and resume point boxed.
    func testAManagedRowStaysSmallAndKeepsWhatItWasGiven() {
        XCTAssertLessThanOrEqual(MemoryLayout<ManagedRow>.stride, 112)
        let request = TransferRequest.download(url: "http://h/f", path: "/tmp/f", headers: [:])
        let point = ResumePoint(validator: "\"e\"", total: 100, offset: 40)
        let sum = try! Checksum(parsing: "sha256=" + String(repeating: "ab", count: 32))
        var row = ManagedRow(request: request, serverNaming: false, checksum: sum, rank: 2.5,
                             earlierAttempts: 3, resume: point)
        XCTAssertEqual(row.checksum, sum)
        XCTAssertEqual(row.resume, point)
        XCTAssertEqual(row.rank, 2.5)
        XCTAssertEqual(row.earlierAttempts, 3)
        row.resume = nil
        XCTAssertEqual(row.checksum, sum, "the checksum stays when the resume point goes")
        row.checksum = nil
        row.rank = nil
        XCTAssertNil(row.rank)
        XCTAssertNil(ManagedRow(request: request, serverNaming: true, earlierAttempts: 0).resume)
    }

    private func exchange(_ id: UInt64) -> HTTPExchange {
        var exchange = HTTPExchange()
        exchange.requestLine = "GET /f\(id) HTTP/1.1"
        exchange.requestFields = [.init(name: "Accept", value: "*/*")]
        exchange.responses = [.init(statusLine: "HTTP/1.1 200 OK", statusCode: 200,
                                    fields: [.init(name: "Content-Length", value: "10")])]
        return exchange
    }

    func testOnlyTheLastFinishedRowsKeepTheirHeaderLines() {
        var s = ManagerState(unclaimed: [])
        let extra = 5
        let total = UInt64(DetailWindow.capacity + extra)
        var versionBeforeLast: UInt64 = 0
        for id in UInt64(1)...total {
            s.appendRow(row(id), snapshot(id))
            var finished = s.snapshot(id)!
            finished.exchange = exchange(id)
            finished.statusCode = 200
            finished.finishedAt = Date()
            if id == 2 {
                // A failed row keeps what a retry needs and its status lines.
                finished.state = .failed
                finished.resume = ResumePoint(validator: "\"e\"", total: 100, offset: 40)
                finished.attemptLog = ["reset"]
            } else {
                finished.state = .done
            }
            if id == total { versionBeforeLast = s.version }
            s.setSnapshot(id, finished)
        }
        for id in UInt64(1)...UInt64(extra) where id != 2 {
            let snapshot = s.snapshot(id)!
            XCTAssertTrue(snapshot.detailsDropped, "row \(id)")
            XCTAssertEqual(snapshot.exchange, HTTPExchange())
            XCTAssertEqual(snapshot.statusCode, 200, "the row's own words stay")
            XCTAssertEqual(snapshot.state, .done)
        }
        let failed = s.snapshot(2)!
        XCTAssertFalse(failed.detailsDropped)
        XCTAssertTrue(failed.exchange.headersDropped)
        XCTAssertEqual(failed.exchange.requestLine, "GET /f2 HTTP/1.1")
        XCTAssertEqual(failed.exchange.requestFields, [])
        XCTAssertEqual(failed.exchange.responses.map(\.statusLine), ["HTTP/1.1 200 OK"])
        XCTAssertEqual(failed.exchange.responses.map(\.fields), [[]])
        XCTAssertEqual(failed.resume?.offset, 40)
        XCTAssertEqual(failed.attemptLog, ["reset"])
        for id in UInt64(extra + 1)...total {
            XCTAssertEqual(s.snapshot(id)!.exchange, exchange(id), "row \(id) is among the last ones")
        }
        // The row that gave up its headers is logged as changed, so readers let go too.
        XCTAssertEqual(Set(s.log.logged(after: versionBeforeLast)?.ids ?? []), [total, UInt64(extra)])
        XCTAssertEqual(s.totals.done, Int(total) - 1)
    }
}
