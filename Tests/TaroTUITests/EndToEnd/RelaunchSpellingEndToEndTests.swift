import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// The TUI launched again with the same URL and the download directory
/// spelled another way (through a symlink, with `..` and a trailing `/.`)
/// takes up its saved record: one row, one file, continued with a Range
/// request; no NAME-1 twin started from zero beside the first .part.
final class RelaunchSpellingEndToEndTests: EndToEndTestCase {
    static let name = "spelled.bin"
    static let size: Int64 = 4_000_000

    func testAURLOnTheCommandLineClaimsItsRecordWhateverTheDirectorySpelling() throws {
        server.setResource("/" + Self.name, ServedResource(size: Self.size, seed: 12, etag: "spelled-12"))
        let url = server.url("/" + Self.name + "?rate=1000000")
        let journal = scratch + "/state/taro-tui/queue.journal"
        try launch(["-d", downloads, url])
        try waitUntil("a record with some progress") {
            guard let json = QueueJournal.liveRecords(atPath: journal).first?.json,
                  let record = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
                  let resume = record["resume"] as? [String: Any] else { return false }
            return ((resume["offset"] as? NSNumber)?.int64Value ?? 0) > 0
        }
        let pid = try XCTUnwrap(programPID)
        tmux.kill()
        XCTAssertTrue(ProcessTable.waitForExit(pid, timeout: .seconds(10)), "taro-tui ended with its terminal")
        XCTAssertEqual(downloadedNames(), [Self.name + ".part"])

        try FileManager.default.createSymbolicLink(atPath: scratch + "/via", withDestinationPath: downloads)
        server.resetStats()
        try launch(["-d", scratch + "/via/../via/.", url])
        try waitForState("done", of: Self.name, timeout: .seconds(60))
        let screen = try tmux.capture()
        XCTAssertEqual(screen.lines.filter { $0.contains(Self.name) }.count, 1, "one row: \(screen)")
        XCTAssertEqual(downloadedNames(), [Self.name], "no numbered twin, no .part left")
        XCTAssertEqual(try sha256(of: path(Self.name)), DeterministicBody.sha256Hex(seed: 12, size: Self.size))
        let ranges = server.requestLog.filter { $0.path == "/" + Self.name }.map { $0.header("Range") ?? "none" }
        XCTAssertFalse(ranges.isEmpty)
        XCTAssertTrue(ranges.allSatisfy { $0.hasPrefix("bytes=") && !$0.hasPrefix("bytes=0-") }, "\(ranges)")
    }
}
