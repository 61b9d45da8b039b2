import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// A download that `get` saved unfinished is not this TUI run's: at launch
/// it is listed as "saved, not in this run" and left exactly as it is until
/// the user continues it (`p`, from its .part) or discards it (`d`: the
/// record goes, the .part stays). Quitting never touches it.
final class SavedElsewhereEndToEndTests: EndToEndTestCase {
    static let name = "other.bin"
    static let size: Int64 = 4_000_000
    static let seed: UInt64 = 41

    private var stateDirectory: String { scratch + "/state/taro-tui" }
    private var journal: String { stateDirectory + "/queue.journal" }
    /// Where the records of an older version lived (one file each); taken into the journal at load.
    private var legacyTasks: String { stateDirectory + "/tasks" }

    func testAGetsRecordIsListedAsSavedAndContinuesOnP() throws {
        let (record, part) = try interruptedGet()
        try launch(["-d", downloads])
        let screen = try waitForScreen("the saved row") { $0.state(of: Self.name) == "saved" }
        XCTAssertTrue(screen.contains("saved, not in this run"), screen.description)
        XCTAssertTrue(screen.totalsLine?.contains("1 saved") ?? false, screen.description)
        // A second later (ten ticks) it is still only listed: nothing asked
        // the server, nothing rewrote the record or the .part.
        let requestsBefore = server.requestLog.count
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(server.requestLog.count, requestsBefore)
        XCTAssertEqual(try tmux.capture().state(of: Self.name), "saved")
        XCTAssertEqual(try recordData(), record)
        XCTAssertEqual(partSize(), part)

        try tmux.send("p")
        try waitForState("done", of: Self.name, timeout: .seconds(60))
        XCTAssertEqual(downloadedNames(), [Self.name], "one file, no numbered twin, no .part")
        XCTAssertEqual(try sha256(of: path(Self.name)), DeterministicBody.sha256Hex(seed: Self.seed, size: Self.size))
        let ranges = server.requestLog.dropFirst(requestsBefore).map { $0.header("Range") ?? "none" }
        XCTAssertEqual(ranges.first, "bytes=\(part)-", "\(ranges)")
        try waitUntil("the record to go once done") { QueueJournal.liveRecords(atPath: journal).isEmpty }
    }

    func testDiscardDeletesTheRecordAndKeepsThePart() throws {
        let (_, part) = try interruptedGet()
        try launch(["-d", downloads])
        try waitForScreen("the saved row") { $0.state(of: Self.name) == "saved" }
        try tmux.send("d")
        try waitForScreen("the row to go") { $0.row(named: Self.name) == nil }
        try waitUntil("the record to go") { QueueJournal.liveRecords(atPath: journal).isEmpty }
        XCTAssertEqual(downloadedNames(), [Self.name + ".part"], "the .part stays")
        XCTAssertEqual(partSize(), part)
    }

    func testQuittingLeavesAnotherRunsRecordUntouched() throws {
        let (record, part) = try interruptedGet()
        try launch(["-d", downloads])
        try waitForScreen("the saved row") { $0.state(of: Self.name) == "saved" }
        // Nothing of this run is unfinished: q quits without asking.
        try tmux.send("q")
        if let pid = programPID {
            XCTAssertTrue(ProcessTable.waitForExit(pid, timeout: .seconds(10)), "q quit at once")
        }
        XCTAssertEqual(try recordData(), record, "the record is byte for byte what get wrote")
        XCTAssertEqual(partSize(), part)
    }

    func testARecordThatCannotBeReadIsNamedOnTheFirstFrame() throws {
        try FileManager.default.createDirectory(atPath: legacyTasks, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: legacyTasks + "/junk.json", contents: Data("[1,".utf8))
        // Not launch(): the first frame's message line holds the notice, not the key hints.
        try tmux.start(command: "exec " + environmentPrefix + " " + commandLine(["-d", scratch]), cols: 120, rows: 40)
        try waitForScreen("the notice") {
            $0.lines.last?.hasSuffix("1 saved record could not be read; it was moved to \(stateDirectory)/damaged") ?? false
        }
        try tmux.send("j")
        try waitForScreen("the key hints after a key") { $0.lines.last?.contains("q quit") ?? false }
        let damaged = try FileManager.default.contentsOfDirectory(atPath: stateDirectory + "/damaged")
        XCTAssertEqual(damaged.count, 1, "kept, not deleted")
    }

    // MARK: helpers

    /// `taro-tui get` of a slow download into DOWNLOADS, stopped by SIGINT
    /// once some bytes are on disk: returns its record and the .part's size.
    private func interruptedGet() throws -> (record: Data, part: Int64) {
        server.setResource("/" + Self.name, ServedResource(size: Self.size, seed: Self.seed, etag: "saved-41"))
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        let get = Process()
        get.executableURL = URL(fileURLWithPath: binary)
        get.arguments = ["get", "--state-dir", stateDirectory, "-d", downloads, server.url("/" + Self.name + "?rate=1000000")]
        get.standardOutput = FileHandle.nullDevice
        get.standardError = FileHandle.nullDevice
        try get.run()
        try waitUntil("get to write some bytes") { partSize() >= 200_000 || !get.isRunning }
        kill(get.processIdentifier, SIGINT)
        get.waitUntilExit()
        XCTAssertEqual(get.terminationStatus, 130, "get saved and exited on SIGINT")
        return (try recordData(), partSize())
    }

    private func recordData() throws -> Data {
        let records = QueueJournal.liveRecords(atPath: journal)
        guard records.count == 1 else { throw EndToEndFailure("expected one record in \(journal), found \(records.map(\.key))") }
        return Data(records[0].json)
    }

    private func partSize() -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path(Self.name + ".part")))?[.size] as? NSNumber)?
            .int64Value ?? 0
    }
}
