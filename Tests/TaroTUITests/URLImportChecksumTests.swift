import XCTest
import Foundation
import TaroNet
@testable import TaroTUI

/// `taro-tui -i LIST` with `URL<TAB>sha256=HEX` lines: each is queued with
/// its checksum, in list order with the plain lines around it; a line whose
/// checksum cannot be read is skipped and counted, never queued unchecked.
final class URLImportChecksumTests: XCTestCase {
    func testChecksumLinesKeepTheirChecksumAndOrder() throws {
        let path = NSTemporaryDirectory() + "taro-import-sum-" + UUID().uuidString
        defer { unlink(path) }
        let hex = String(repeating: "ab", count: 32)
        let lines = ["https://a.example/1", "https://a.example/2\tsha256=\(hex)", "https://a.example/3 sha256=zz",
                     "https://a.example/4"]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let controller = InMemoryTransferController()
        let importer = try URLImport(path: path)
        importer.start(into: controller, directory: "/tmp/dl")
        let end = ContinuousClock.now + .seconds(10)
        while !importer.progress.finished && ContinuousClock.now < end { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(importer.progress.queued, 3)
        XCTAssertEqual(importer.progress.skipped, 1)
        XCTAssertEqual(importer.progress.firstSkippedLine, 3)
        XCTAssertEqual(controller.calls, ["queueDownloads 1 -> /tmp/dl",
                                          "queueDownload https://a.example/2 -> /tmp/dl sha256=\(hex)",
                                          "queueDownloads 1 -> /tmp/dl"])
        XCTAssertEqual(controller.items.map(\.url), ["https://a.example/1", "https://a.example/2", "https://a.example/4"])
    }
}
