import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// Any spelling of the same destination is the same destination: a `get`
/// interrupted (SIGINT, or kill -9) and run again with the directory spelled
/// another way (relative, `./`, trailing `/`, `..`, `~`, a symlink, `-o`)
/// continues the same .part with a Range request and ends as one file with
/// the right bytes: no NAME-1 sibling, no orphaned .part, no record left.
final class PathSpellingTests: BinaryTestCase {
    static let size: Int64 = 4_000_000
    static let seed: UInt64 = 77

    /// The runs' working directory and HOME.
    var root: String { dir.path }
    var downloads: String { root + "/dl" }
    var journal: String { root + "/state/queue.journal" }
    var url: String { server.url("/f.bin?rate=1500000") }

    override func setUp() async throws {
        try await super.setUp()
        server.setResource("/f.bin", ServedResource(size: Self.size, seed: Self.seed, etag: "spell-77"))
        for sub in ["dl", "x"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: "dl")
    }

    func testRelativeThenAbsolute() throws {
        try interruptAndRerun(["-d", "dl"], [ "-d", downloads])
    }

    func testDotSlashAndTrailingSlashThenBare() throws {
        try interruptAndRerun(["-d", "./dl/"], ["-d", "dl"])
    }

    func testDotDotThenTrailingDot() throws {
        try interruptAndRerun(["-d", "x/../dl"], ["-d", "./dl/."])
    }

    func testTildeThenTrailingSlash() throws {
        try interruptAndRerun(["-d", "~/dl"], ["-d", "dl/"])
    }

    func testSymlinkedDirectoryThenItsTarget() throws {
        try interruptAndRerun(["-d", "link"], ["-d", downloads + "/"])
    }

    func testOutputFileRelativeThenThroughSymlink() throws {
        try interruptAndRerun(["-o", "dl/f.bin"], ["-d", "link", "-o", "f.bin"])
    }

    /// `first` interrupted by SIGINT, rerun as `second`; then `second`
    /// killed with SIGKILL and rerun as `first`. Each time: same .part, right bytes.
    private func interruptAndRerun(_ first: [String], _ second: [String], file: StaticString = #filePath,
                                   line: UInt = #line) throws {
        try round(first, then: second, signal: SIGINT, file: file, line: line)
        try FileManager.default.removeItem(atPath: downloads + "/f.bin")
        try round(second, then: first, signal: SIGKILL, file: file, line: line)
    }

    private func round(_ first: [String], then second: [String], signal: Int32, file: StaticString,
                       line: UInt) throws {
        let label = "\(first) then \(second) after signal \(signal)"
        // The state directory is spelled differently by the two runs too.
        let run = try GetRun(["--state-dir", "state"] + first + [url], in: root, home: root,
                             stderrPath: root + "/first.err")
        GetRun.waitUntil("progress saved by \(first)") {
            !run.process.isRunning || (fileSize(downloads + "/f.bin.part") >= 300_000 && savedOffset() > 0)
        }
        kill(run.process.processIdentifier, signal)
        let status = run.finish()
        if signal == SIGINT {
            XCTAssertEqual(status, 130, label, file: file, line: line)
            XCTAssertTrue(run.stderr.contains("interrupted by SIGINT"), run.stderr, file: file, line: line)
            XCTAssertTrue(run.stderr.contains("run the same command again"), run.stderr, file: file, line: line)
        } else {
            XCTAssertEqual(run.process.terminationReason, .uncaughtSignal, label, file: file, line: line)
        }
        let kept = fileSize(downloads + "/f.bin.part")
        XCTAssertGreaterThan(kept, 0, label, file: file, line: line)
        XCTAssertLessThan(kept, Self.size, "interrupted mid-download: \(label)", file: file, line: line)
        let before = server.requestLog.count

        let rerun = try GetRun(["--state-dir", root + "/state/"] + second + [url], in: root, home: root,
                               stderrPath: root + "/second.err")
        XCTAssertEqual(rerun.finish(), 0, rerun.stderr, file: file, line: line)

        XCTAssertEqual(dir.contents.filter { !$0.hasSuffix(".err") }, ["dl", "link", "state", "x"], label,
                       file: file, line: line)
        XCTAssertEqual(contents(downloads), ["f.bin"], "one file, no -1 sibling, no .part: \(label)",
                       file: file, line: line)
        XCTAssertEqual(contents(root + "/x"), [], label, file: file, line: line)
        XCTAssertEqual(try sha256sum(downloads + "/f.bin"),
                       DeterministicBody.sha256Hex(seed: Self.seed, size: Self.size), label, file: file, line: line)
        XCTAssertEqual(QueueJournal.liveRecords(atPath: journal).map(\.key), [],
                       "the finished transfer's record is gone: \(label)", file: file, line: line)
        XCTAssertEqual(contents(root + "/state/damaged"), [], "no record was set aside: \(label)",
                       file: file, line: line)
        // The rerun continued: every request it made asked for a range
        // starting past zero, none started over.
        let rerunRequests = server.requestLog.dropFirst(before)
        XCTAssertFalse(rerunRequests.isEmpty, label, file: file, line: line)
        for request in rerunRequests {
            let range = request.header("Range") ?? "none"
            XCTAssertTrue(range.hasPrefix("bytes=") && !range.hasPrefix("bytes=0-"),
                          "the rerun asked for \(range): \(label)", file: file, line: line)
        }
    }

    private func contents(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// The durable offset in the one saved record, 0 while there is none.
    private func savedOffset() -> Int64 {
        guard let json = QueueJournal.liveRecords(atPath: journal).first?.json,
              let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
              let resume = object["resume"] as? [String: Any],
              let offset = resume["offset"] as? NSNumber else { return 0 }
        return offset.int64Value
    }
}
