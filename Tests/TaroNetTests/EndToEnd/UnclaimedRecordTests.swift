import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// A run never drops what another run saved: a `get` of something else
/// leaves the other record byte for byte, says on stderr that it is there
/// and how to continue it, and the command it prints does continue it. A
/// .part with no record is never deleted.
final class UnclaimedRecordTests: BinaryTestCase {
    static let size: Int64 = 4_000_000

    override func setUp() async throws {
        try await super.setUp()
        server.setResource("/a.bin", ServedResource(size: Self.size, seed: 8, etag: "a-8"))
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: dir.file(sub), withIntermediateDirectories: true)
        }
    }

    func testARecordFromAnotherRunSurvivesAnUnrelatedRunAndItsCommandContinuesIt() throws {
        let state = ["--state-dir", dir.file("state")]
        let first = try GetRun(state + ["-d", "a", server.url("/a.bin?rate=1500000")], in: dir.path, home: dir.path,
                               stderrPath: dir.file("first.err"))
        GetRun.waitUntil("bytes on disk") { fileSize(dir.file("a/a.bin.part")) >= 200_000 }
        kill(first.process.processIdentifier, SIGINT)
        XCTAssertEqual(first.finish(), 130, first.stderr)
        let journal = dir.file("state/queue.journal")
        let records = QueueJournal.liveRecords(atPath: journal)
        XCTAssertEqual(records.count, 1)
        let record = try XCTUnwrap(records.first)
        let part = try XCTUnwrap(FileManager.default.contents(atPath: dir.file("a/a.bin.part")))
        // A .part nobody has a record of: ours to leave alone.
        let orphan = Data("left by someone else".utf8)
        FileManager.default.createFile(atPath: dir.file("b/other.bin.part"), contents: orphan)

        let unrelated = try GetRun(state + ["-d", "b", server.url("/bytes/1000?seed=3")], in: dir.path,
                                   home: dir.path, stderrPath: dir.file("unrelated.err"))
        XCTAssertEqual(unrelated.finish(), 0, unrelated.stderr)
        XCTAssertEqual(try sha256sum(dir.file("b/1000")), DeterministicBody.sha256Hex(seed: 3, size: 1000))
        let after = QueueJournal.liveRecords(atPath: journal)
        XCTAssertEqual(after.map(\.key), [record.key], "the other run's record is kept")
        XCTAssertEqual(after.first?.json, record.json, "byte for byte")
        XCTAssertEqual(FileManager.default.contents(atPath: dir.file("a/a.bin.part")), part)
        XCTAssertEqual(FileManager.default.contents(atPath: dir.file("b/other.bin.part")), orphan)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.file("state/damaged")), [])

        // It says so, and how to continue it.
        let text = unrelated.stderr
        XCTAssertTrue(text.contains("1 saved unfinished transfer from another run is kept in \(dir.file("state"))"),
                      text)
        let command = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("taro-tui get ") && $0.contains("a.bin") },
                                    text)
        XCTAssertTrue(command.contains("-o \(dir.file("a/a.bin"))"), String(command))

        // The printed command, as a person would paste it, continues the same .part.
        let line = String(command).trimmingCharacters(in: .whitespaces)
        let shellCommand = line.components(separatedBy: "   (")[0]
            .replacingOccurrences(of: "taro-tui ", with: "'" + (try XCTUnwrap(TaroBinary.path)) + "' ")
        let before = server.requestLog.count
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", shellCommand + " 2>/dev/null"]
        shell.currentDirectoryURL = URL(fileURLWithPath: dir.path)
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 0, shellCommand)
        XCTAssertEqual(server.requestLog.dropFirst(before).first?.header("Range"), "bytes=\(part.count)-")
        XCTAssertEqual(try sha256sum(dir.file("a/a.bin")), DeterministicBody.sha256Hex(seed: 8, size: Self.size))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.file("a")), ["a.bin"])
        XCTAssertEqual(QueueJournal.liveRecords(atPath: journal).map(\.key), [], "its record is gone once it is done")
        XCTAssertEqual(FileManager.default.contents(atPath: dir.file("b/other.bin.part")), orphan)
    }

    func testARecordThatCannotBeReadIsKeptAndNamedOnStderr() throws {
        try FileManager.default.createDirectory(atPath: dir.file("state/tasks"), withIntermediateDirectories: true)
        let junk = Data("{\"not\": \"a record\"".utf8)
        FileManager.default.createFile(atPath: dir.file("state/tasks/bad.json"), contents: junk)
        let run = try GetRun(["--state-dir", dir.file("state"), "-d", "b", server.url("/bytes/10")], in: dir.path,
                             home: dir.path, stderrPath: dir.file("run.err"))
        XCTAssertEqual(run.finish(), 0, run.stderr)
        let damaged = try FileManager.default.contentsOfDirectory(atPath: dir.file("state/damaged"))
        XCTAssertEqual(damaged.count, 1)
        let moved = dir.file("state/damaged/" + damaged[0])
        XCTAssertEqual(FileManager.default.contents(atPath: moved), junk, "kept as it was")
        XCTAssertTrue(run.stderr.contains("could not be read and was moved to \(moved)"), run.stderr)
    }
}
