import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// `get` stopped by SIGTERM or SIGHUP pauses to disk like SIGINT: exit
/// 128 + signal, the .part synced, the record holding exactly what the .part
/// holds, and a rerun continuing from there.
final class GetSignalTests: BinaryTestCase {
    static let size: Int64 = 4_000_000

    override func setUp() async throws {
        try await super.setUp()
        server.setResource("/s.bin", ServedResource(size: Self.size, seed: 5, etag: "sig-5"))
    }

    func testSIGTERMSavesTheExactOffsetAndExits143() throws {
        try stop(with: SIGTERM, expecting: 143, named: "SIGTERM")
    }

    func testSIGHUPSavesAndExits129() throws {
        try stop(with: SIGHUP, expecting: 129, named: "SIGHUP")
    }

    private func stop(with signal: Int32, expecting status: Int32, named name: String) throws {
        let url = server.url("/s.bin?rate=1500000")
        let arguments = ["--state-dir", dir.file("state"), "-d", dir.path, url]
        let run = try GetRun(arguments, in: dir.path, home: dir.path, stderrPath: dir.file("run.err"))
        // Some bytes, but not necessarily any record yet: the signal must write it.
        GetRun.waitUntil("bytes on disk") { fileSize(dir.file("s.bin.part")) >= 200_000 }
        kill(run.process.processIdentifier, signal)
        XCTAssertEqual(run.finish(), status)
        XCTAssertTrue(run.stderr.contains("interrupted by \(name)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("run the same command again"), run.stderr)

        let part = fileSize(dir.file("s.bin.part"))
        let records = QueueJournal.liveRecords(atPath: dir.file("state/queue.journal"))
        XCTAssertEqual(records.count, 1, "the unfinished transfer was saved")
        let data = Data(try XCTUnwrap(records.first?.json))
        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let resume = try XCTUnwrap(record["resume"] as? [String: Any])
        XCTAssertEqual((resume["offset"] as? NSNumber)?.int64Value, part, "the record holds what the .part holds")
        XCTAssertGreaterThan(part, 0)

        let before = server.requestLog.count
        let rerun = try GetRun(arguments, in: dir.path, home: dir.path, stderrPath: dir.file("rerun.err"))
        XCTAssertEqual(rerun.finish(), 0, rerun.stderr)
        XCTAssertEqual(server.requestLog.dropFirst(before).first?.header("Range"), "bytes=\(part)-")
        XCTAssertEqual(try sha256sum(dir.file("s.bin")), DeterministicBody.sha256Hex(seed: 5, size: Self.size))
        XCTAssertFalse(fileExists(dir.file("s.bin.part")))
    }
}
