import Foundation
@testable import TaroNet
import XCTest

/// The journal's records are written without JSONEncoder: each must be the
/// document JSONEncoder makes of it, and read back as the same record.
final class StoredTransferJSONTests: XCTestCase {
    private func records() -> [StoredTransfer] {
        var plain = StoredTransfer(key: "k1", request: .download(url: "http://h/f.bin", path: "/d/f.bin", headers: [:]),
                                   serverNaming: true, state: .queued, resume: nil, attempts: 1,
                                   addedAt: Date(timeIntervalSinceReferenceDate: 786_000_000.123456))
        plain.owner = .get
        var full = StoredTransfer(
            key: "k2",
            request: .download(url: "https://h.example/a b/\u{e9}.bin?q=\"x\"", path: "/d/\u{e9} \\ \"q\".bin",
                               headers: ["X-A": "tab\there", "X-B": "line\nbreak\u{1}", "X-\u{1F600}": "/slash/"]),
            serverNaming: false, state: .paused,
            resume: ResumePoint(validator: "\"etag-1\"", total: 1 << 40, offset: 0,
                                ranges: [.init(start: 0, end: 100, written: 50), .init(start: 100, end: 200, written: 0)]),
            attempts: 3, addedAt: Date(timeIntervalSinceReferenceDate: -1.5), owner: .tui,
            checksum: Checksum(algorithm: .sha256, digest: Array(0..<32)), rank: 1e-7)
        full.rateLimit = 2_000_000
        full.withheld = ["Authorization", "the URL's user:password"]
        let upload = StoredTransfer(key: "k3", request: .upload(filePath: "/u/up.bin", url: "http://h/upload",
                                                                fieldName: "file", put: true, headers: ["A": ""]),
                                    serverNaming: false, state: .queued,
                                    resume: ResumePoint(validator: "Sun, 29 Nov 2026 11:00:00 GMT", total: 10, offset: 4),
                                    attempts: 0, addedAt: Date(timeIntervalSinceReferenceDate: 0), rank: -3)
        return [plain, full, upload]
    }

    func testEachRecordIsJSONEncodersDocumentAndReadsBack() throws {
        for record in records() {
            let written = try XCTUnwrap(record.journalJSON, record.key)
            XCTAssertEqual(try JSONDecoder().decode(StoredTransfer.self, from: Data(written)), record, record.key)
            let ours = try JSONSerialization.jsonObject(with: Data(written)) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? NSDictionary
            XCTAssertNotNil(ours)
            XCTAssertEqual(ours, theirs, record.key)
        }
    }

    func testANumberJSONCannotHoldIsRefusedAsJSONEncoderRefusesIt() {
        var record = records()[0]
        record.rank = .infinity
        XCTAssertNil(record.journalJSON)
        XCTAssertThrowsError(try JSONEncoder().encode(record))
    }
}
