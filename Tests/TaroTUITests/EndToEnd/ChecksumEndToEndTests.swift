import XCTest
import TaroServer

/// A URL typed with its checksum: a match ends `done ✓` under its name; a
/// mismatch fails, saying expected versus got, with the bytes left only as
/// NAME.part.
final class ChecksumEndToEndTests: EndToEndTestCase {
    private func add(_ line: String) throws {
        try tmux.send("a")
        try waitForScreen("the URL prompt") { $0.lines.last?.contains("URL") ?? false }
        try tmux.type(line)
        try tmux.send("Enter")
    }

    func testAMatchingChecksumShowsATickAndAMismatchKeepsOnlyThePart() throws {
        try launchDownloading([])
        let good = DeterministicBody.sha256Hex(seed: 91, size: 2_000_000)
        try add(server.url("/bytes/2000000?seed=91") + " sha256=" + good)
        var screen = try waitForState("done", of: "2000000")
        XCTAssertTrue(screen.row(named: "2000000")?.hasSuffix("done ✓") ?? false, screen.description)
        XCTAssertEqual(try sha256(of: path("2000000")), good)

        let wrong = String(repeating: "5", count: 64)
        try add(server.url("/bytes/1000000?seed=92") + " sha256=" + wrong)
        screen = try waitForState("failed", of: "1000000")
        XCTAssertTrue(screen.row(named: "1000000")?.contains("checksum mismatch") ?? false, screen.description)
        XCTAssertFalse(exists("1000000"), "never under its final name")
        XCTAssertEqual(try sha256(of: path("1000000.part")), DeterministicBody.sha256Hex(seed: 92, size: 1_000_000))
        // The header pane says which digest matched, and expected versus got in full.
        try tmux.send("Enter")
        try waitForScreen("the verified checksum in the pane") { $0.contains("Checksum       sha256 ✓ matches") }
        print(try tmux.capture())
        try tmux.send("Down")
        let got = DeterministicBody.sha256Hex(seed: 92, size: 1_000_000)
        try waitForScreen("expected versus got in the pane") { screen in
            screen.lines.contains { $0.hasPrefix("Error") } && screen.description.contains(String(got.suffix(20)))
        }
        print(try tmux.capture())
    }
}
