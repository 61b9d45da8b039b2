import XCTest
import TaroNet
@testable import TaroTUI

/// A checksum typed after the URL in the add prompt, and the ✓ a verified
/// row shows.
final class ChecksumDisplayTests: XCTestCase {
    private let sum = "sha256=" + String(repeating: "ab", count: 32)

    func testTheAddPromptTakesAChecksumAfterTheURL() throws {
        var h = ReducerHarness()
        h.press(.char("a"))
        h.type("https://example.com/f.iso " + sum)
        h.press(.enter)
        XCTAssertEqual(h.commands, [.queueDownload(url: "https://example.com/f.iso", directory: "/tmp/x",
                                                   checksum: try Checksum(parsing: sum))])
        XCTAssertNil(h.state.prompt)
        XCTAssertEqual(h.state.message?.text, "Queued download of https://example.com/f.iso (checked: sha256)")
    }

    func testABadChecksumKeepsThePromptOpenAndSaysWhy() {
        var h = ReducerHarness()
        h.press(.char("a"))
        h.type("https://example.com/f.iso sha256=12")
        h.press(.enter)
        XCTAssertEqual(h.commands, [])
        XCTAssertNotNil(h.state.prompt, "nothing typed is lost")
        XCTAssertEqual(h.state.message?.text, "Checksum: sha256 wants 64 hex digits, not 12.")
    }

    func testAVerifiedRowShowsATick() {
        var items = Fixtures.mixed
        items[5].verified = "sha256"
        let screen = SnapshotScenes.render(SnapshotScenes.state(24, 80, items: items), items)
        let row = screen.lines.first { $0.contains("done.zip") } ?? ""
        XCTAssertTrue(row.hasSuffix("done ✓"), row)
        let ascii = SnapshotScenes.render(SnapshotScenes.state(24, 80, ascii: true, items: items), items)
        XCTAssertTrue((ascii.lines.first { $0.contains("done.zip") } ?? "").hasSuffix("done +"))
        let unverified = SnapshotScenes.render(SnapshotScenes.state(24, 80))
        XCTAssertTrue((unverified.lines.first { $0.contains("done.zip") } ?? "").hasSuffix("done"))
    }
}
