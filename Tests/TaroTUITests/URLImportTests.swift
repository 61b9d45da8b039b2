import XCTest
import Foundation
import Glibc
import TaroNet
@testable import TaroTUI

/// `-i LIST`: a list is read on its own thread and handed over in batches,
/// lines that are not http(s) URLs are counted and named, the screen shows
/// the import growing and then its summary, and a bad path is refused
/// before anything starts.
final class URLImportTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = NSTemporaryDirectory() + "taro-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: scratch)
        super.tearDown()
    }

    /// Polls `condition` up to 10 s: the import runs on another thread.
    private func waitUntil(_ what: String, _ condition: () -> Bool) {
        let end = ContinuousClock.now + .seconds(10)
        while !condition() {
            if ContinuousClock.now > end { return XCTFail("no \(what) after 10 s") }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    func testAListIsQueuedInBatchesAndSkippedLinesAreCountedWithTheFirstLineNumber() throws {
        var lines = ["# mirror list", ""]
        for i in 0..<2500 { lines.append("  https://example.com/f\(i).bin  ") }
        lines.insert("ftp://example.com/old", at: 5)        // line 6
        lines.append("not a url")
        let path = scratch + "/list.txt"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let controller = InMemoryTransferController()
        let importer = try URLImport(path: path)
        importer.start(into: controller, directory: "/tmp/dl")
        waitUntil("the end of the import") { importer.progress.finished }

        let progress = importer.progress
        XCTAssertEqual(progress.queued, 2500)
        XCTAssertEqual(progress.skipped, 2)
        XCTAssertEqual(progress.firstSkippedLine, 6)
        XCTAssertNil(progress.error)
        let batches = controller.calls.map { $0.split(separator: " ")[1] }.compactMap { Int($0) }
        XCTAssertEqual(batches.reduce(0, +), 2500)
        XCTAssertGreaterThanOrEqual(batches.count, 3)
        XCTAssertTrue(batches.allSatisfy { $0 <= URLImport.batchSize }, "\(batches)")
        XCTAssertEqual(controller.items.first?.url, "https://example.com/f0.bin")
        XCTAssertEqual(controller.items.last?.url, "https://example.com/f2499.bin")
        let summary = URLImport.summary(of: progress, name: importer.name)
        XCTAssertEqual(summary.text, "Imported 2,500 URLs from \(path). Skipped 2 lines that are not http(s) URLs"
                                     + " (first: line 6).")
        XCTAssertEqual(summary.kind, .error)
    }

    func testTheScreenShowsTheImportGrowingThenItsCount() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]) }
        let controller = InMemoryTransferController()
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/dl"),
                                 size: TerminalSize(rows: 24, cols: 80))
        let importer = URLImport(reader: URLListReader(descriptor: fds[0], name: "stdin"))
        session.follow(importer)
        importer.start(into: controller, directory: "/tmp/dl")
        // 1,500 lines, and the pipe stays open: what was read is handed
        // over before the reader waits for more.
        let text = (0..<1500).map { "https://example.com/p\($0)\n" }.joined()
        _ = text.withCString { write(fds[1], $0, strlen($0)) }
        waitUntil("1,500 URLs on screen") {
            session.refresh()
            return session.state.importing == 1500
        }
        let footer = session.frame().lines[22]
        XCTAssertTrue(footer.hasPrefix(" importing… 1,500 URLs · 0 active · 1500 queued"), footer)
        XCTAssertEqual(session.items.count, 1500)

        close(fds[1])
        waitUntil("the end of the import") {
            session.refresh()
            return session.state.importing == nil
        }
        XCTAssertEqual(session.state.message, StatusMessage("Imported 1,500 URLs from stdin."))
        let screen = session.frame()
        XCTAssertTrue(screen.lines[22].hasPrefix(" 0 active · 1500 queued"), screen.lines[22])
        XCTAssertEqual(screen.lines[23], " Imported 1,500 URLs from stdin.")
    }

    func testCancelStopsTheImportAndNothingIsQueuedAfterIt() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]) }
        let controller = InMemoryTransferController()
        let importer = URLImport(reader: URLListReader(descriptor: fds[0], name: "stdin"))
        importer.start(into: controller, directory: "/tmp/dl")
        let first = (0..<10).map { "https://example.com/a\($0)\n" }.joined()
        _ = first.withCString { write(fds[1], $0, strlen($0)) }
        waitUntil("the first lines") { importer.progress.queued == 10 }
        importer.cancel()
        let more = (0..<10).map { "https://example.com/b\($0)\n" }.joined()
        _ = more.withCString { write(fds[1], $0, strlen($0)) }
        close(fds[1])
        waitUntil("the import thread to stop") { importer.progress.finished }
        XCTAssertEqual(controller.items.count, 10)
        XCTAssertEqual(importer.progress.queued, 10)
    }

    func testAMissingListOrADirectoryIsRefusedWithTheReason() {
        XCTAssertThrowsError(try URLImport(path: scratch + "/nope.txt")) { error in
            XCTAssertEqual("\(error)", "cannot read URL list \(scratch)/nope.txt: No such file or directory")
        }
        XCTAssertThrowsError(try URLImport(path: scratch)) { error in
            XCTAssertEqual("\(error)", "cannot read URL list \(scratch): it is a directory")
        }
    }

    func testTheLastLineNeedsNoNewlineAndCRLFListsWork() throws {
        let path = scratch + "/crlf.txt"
        try "https://a.example/1\r\n\r\n# c\r\nhttps://a.example/2".write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try URLListReader(path: path)
        XCTAssertEqual(reader.next(), "https://a.example/1")
        XCTAssertEqual(reader.next(), "https://a.example/2")
        XCTAssertEqual(reader.lineNumber, 4)
        XCTAssertNil(reader.next())
    }

    /// A file that is no list (an image given by mistake, /dev/zero) has a
    /// "line" without end: reading stops there with the reason, instead of
    /// holding the whole file in memory looking for a newline.
    func testALineLongerThanAnyURLStopsTheListWithTheReason() throws {
        let path = scratch + "/binary.txt"
        let long = String(repeating: "a", count: URLListReader.maximumLine + 1)
        try ("https://a.example/1\n" + long + "\nhttps://a.example/2\n").write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try URLListReader(path: path)
        XCTAssertEqual(reader.next(), "https://a.example/1")
        XCTAssertNil(reader.next()?.prefix(40), "the long line is not returned")
        XCTAssertEqual(reader.readError, "line 2 is longer than 1 MiB: no URL is that long, so this is not a list of URLs")
        XCTAssertNil(reader.next()?.prefix(40), "nor anything after it")
        let zero = try URLListReader(path: "/dev/zero")
        XCTAssertNil(zero.next()?.prefix(40))
        XCTAssertEqual(zero.readError, "line 1 is longer than 1 MiB: no URL is that long, so this is not a list of URLs")
    }

    func testTheSummaryOfAnImportThatFailedSaysWhy() {
        var progress = URLImport.Progress()
        progress.queued = 1
        progress.finished = true
        progress.error = "Input/output error"
        let summary = URLImport.summary(of: progress, name: "list")
        XCTAssertEqual(summary.text, "Import from list stopped after 1 URL: Input/output error.")
        XCTAssertEqual(summary.kind, .error)
    }
}
