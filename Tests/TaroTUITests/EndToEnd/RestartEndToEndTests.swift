import XCTest
import Foundation
import TaroServer

/// An unfinished download outlives the program: whether the terminal is
/// closed under it (the whole tmux server killed) or the user quits with
/// `q`, `y`, the .part and a record in the state directory stay, and the
/// next launch with the same state directory and no URL puts the row back
/// and continues it with `Range: bytes=N-` and `If-Range` to the right file.
final class RestartEndToEndTests: EndToEndTestCase {
    static let name = "big.bin"
    static let size: Int64 = 100 * 1024 * 1024
    static let seed: UInt64 = 29
    static let etag = "restart-29"

    /// What the state directory holds for the transfer once the program is gone.
    private struct SavedRecord {
        let state: String
        let offset: Int64
        let validator: String
        let total: Int64
    }

    private var journalPath: String { scratch + "/state/taro-tui/queue.journal" }
    private var damagedDirectory: String { scratch + "/state/taro-tui/damaged" }

    func testKilledTerminalThenRelaunchContinuesToTheSameFile() throws {
        let saved = try downloadUntilSomeProgressThenLeave(launching: { try launch($0) }, leaving: { pid in
            // The window goes away: tmux's server and with it the pane.
            tmux.kill()
            XCTAssertTrue(ProcessTable.waitForExit(pid, timeout: .seconds(10)),
                          "taro-tui was still running 10 s after its terminal went away")
        })
        try relaunchAndFinish(from: saved)
    }

    func testQuitWithYPausesToDiskAndNextLaunchContinues() throws {
        let statusFile = scratch + "/exit-status"
        let saved = try downloadUntilSomeProgressThenLeave(launching: { arguments in
            // Through sh, which writes the exit status down: tmux's own
            // #{pane_dead_status} is not reliably filled in.
            let command = environmentPrefix + " " + commandLine(arguments)
                + "; echo EXIT=$? > " + ProcessRunner.shellQuoted(statusFile)
            try tmux.start(command: command, cols: 120, rows: 40)
            try adoptProgram(startedBy: try tmux.panePID())
            try waitForFirstFrame()
        }, leaving: { pid in
            try tmux.send("q")
            try waitForScreen("the quit question") {
                $0.lines.last == "1 transfer is not finished. Quit anyway? (y/N)"
            }
            try tmux.send("y")
            var status: String?
            try waitUntil("taro-tui's exit status after y") {
                status = try? String(contentsOfFile: statusFile, encoding: .utf8)
                return status?.hasSuffix("\n") ?? false
            }
            XCTAssertEqual(status, "EXIT=0\n", "q, y exits with status 0")
            XCTAssertTrue(ProcessTable.waitForExit(pid, timeout: .seconds(5)), "taro-tui is gone after q, y")
            tmux.kill()
        })
        try relaunchAndFinish(from: saved)
    }

    // MARK: the two halves

    /// Runs `launch` with `-d DOWNLOADS URL` for a 100 MiB resource at 8 MB/s,
    /// waits for ≥ 10 %, runs `leave` with the program's pid (it must end the
    /// program and tmux), then checks what stayed on disk and returns the
    /// saved record.
    private func downloadUntilSomeProgressThenLeave(launching launch: ([String]) throws -> Void,
                                                    leaving leave: (pid_t) throws -> Void) throws -> SavedRecord {
        server.setResource("/" + Self.name, ServedResource(size: Self.size, seed: Self.seed, etag: Self.etag))
        try launch(["-d", downloads, server.url("/" + Self.name + "?rate=8000000")])
        try waitForScreen("\(Self.name) at 10 % or more") { screen in
            screen.state(of: Self.name) == "active" && (screen.percent(of: Self.name) ?? 0) >= 10
        }
        guard let pid = programPID else { throw EndToEndFailure("no pid for the first taro-tui") }
        try leave(pid)
        XCTAssertFalse(ProcessTable.isAlive(pid), "the first taro-tui has exited")

        XCTAssertEqual(downloadedNames(), [Self.name + ".part"], "only the .part, no final file yet")
        let partSize = try fileSize(path(Self.name + ".part"))
        let records = try savedRecords()
        XCTAssertEqual(records.count, 1, "one record in \(journalPath)")
        guard let record = records.first else { throw EndToEndFailure("no saved record in \(journalPath)") }
        XCTAssertEqual(record.state, "queued", "an active transfer comes back running, not paused")
        XCTAssertEqual(record.total, Self.size)
        XCTAssertTrue(record.validator.contains(Self.etag), "the validator is the ETag: \(record.validator)")
        XCTAssertGreaterThanOrEqual(record.offset, Self.size / 10, "the saved offset reflects the progress shown")
        XCTAssertLessThan(record.offset, Self.size)
        XCTAssertLessThanOrEqual(record.offset, partSize, "the saved offset is on disk in the .part")
        return record
    }

    /// Launches again with the same state and download directory and no URL,
    /// and follows the restored row to a complete, correct file.
    private func relaunchAndFinish(from saved: SavedRecord) throws {
        server.resetStats()
        // A fresh tmux server and window: the first one is gone.
        try launch(["-d", downloads])

        // The row is back without being asked for, and not from zero.
        let back = try waitForScreen("\(Self.name) restored") { $0.row(named: Self.name) != nil }
        XCTAssertNotEqual(back.state(of: Self.name), "paused", back.description)
        try waitForScreen("\(Self.name) continuing past its saved offset") { screen in
            (screen.percent(of: Self.name) ?? 0) >= Int(saved.offset * 100 / Self.size)
        }

        let done = try waitForState("done", of: Self.name, timeout: .seconds(30))
        XCTAssertTrue(done.totalsLine?.contains("1 done") ?? false, done.description)

        // One ranged request from the saved offset with the saved validator;
        // nothing asked for the file from the start again.
        let requests = server.requestLog.filter { $0.path == "/" + Self.name }
        XCTAssertFalse(requests.isEmpty, "the second run asked for \(Self.name)")
        for request in requests {
            guard let range = request.header("Range") else {
                XCTFail("the second run requested the whole file again: \(request)")
                continue
            }
            XCTAssertTrue(range.hasPrefix("bytes="), range)
            let start = Int64(range.dropFirst("bytes=".count).prefix { $0.isNumber }) ?? 0
            XCTAssertGreaterThan(start, 0, "continues past 0: \(range)")
            XCTAssertEqual(request.header("If-Range"), saved.validator, "If-Range carries the saved validator")
        }
        XCTAssertTrue(requests.contains { $0.header("Range") == "bytes=\(saved.offset)-" },
                      "a request continues exactly at the saved offset \(saved.offset): "
                      + requests.map { "\($0.header("Range") ?? "no Range")" }.joined(separator: ", "))

        XCTAssertEqual(downloadedNames(), [Self.name], "the final file and no .part")
        XCTAssertEqual(try sha256(of: path(Self.name)), DeterministicBody.sha256Hex(seed: Self.seed, size: Self.size))
        try waitUntil("the record to leave \(journalPath)") { try liveJournalLines().isEmpty }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: damagedDirectory), [],
                       "no record was set aside as damaged")
    }

    // MARK: files

    private func fileSize(_ file: String) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        return (attributes[.size] as? NSNumber)?.int64Value ?? -1
    }

    /// The journal replayed as the program would, but by hand: each key's
    /// latest "+KEY<TAB>JSON" line unless a later "-KEY" line deleted it.
    private func liveJournalLines() throws -> [(key: String, json: Data)] {
        let text = try String(contentsOfFile: journalPath, encoding: .utf8)
        var order: [String] = []
        var latest: [String: Data] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("+"), let tab = line.firstIndex(of: "\t") {
                let key = String(line[line.index(after: line.startIndex)..<tab])
                if latest[key] == nil { order.append(key) }
                latest[key] = Data(line[line.index(after: tab)...].utf8)
            } else if line.hasPrefix("-") {
                latest[String(line.dropFirst())] = nil
            } else {
                throw EndToEndFailure("a journal line the program does not write: \(line)")
            }
        }
        return order.compactMap { key in latest[key].map { (key, $0) } }
    }

    /// The live records, read as plain JSON (not through the program's types).
    private func savedRecords() throws -> [SavedRecord] {
        try liveJournalLines().map { name, data in
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let state = object["state"] as? String,
                  let resume = object["resume"] as? [String: Any],
                  let offset = (resume["offset"] as? NSNumber)?.int64Value,
                  let validator = resume["validator"] as? String,
                  let total = (resume["total"] as? NSNumber)?.int64Value else {
                throw EndToEndFailure("unexpected record \(name): " + String(decoding: data, as: UTF8.self))
            }
            return SavedRecord(state: state, offset: offset, validator: validator, total: total)
        }
    }
}

private extension TerminalScreen {
    /// The "N%" of `name`'s row, when shown.
    func percent(of name: String) -> Int? {
        guard let row = row(named: name),
              let range = row.range(of: #"\b\d{1,3}%"#, options: .regularExpression) else { return nil }
        return Int(row[range].dropLast())
    }
}
