import XCTest
import TaroServer

/// T moves a waiting download to the top of the queue: the list shows it
/// there, it starts next, and after q, y and a new launch the restored list
/// keeps the new order.
final class ReorderEndToEndTests: EndToEndTestCase {
    private let names = ["slow.bin", "101", "102", "103"]

    private func order(_ screen: TerminalScreen) -> [String] {
        screen.lines.compactMap { line in names.first { line.dropFirst(3).hasPrefix($0 + " ") } }
    }

    func testMovingToTheTopIsFollowedAndSurvivesARestart() throws {
        server.setResource("/slow.bin", ServedResource(size: 200_000_000, seed: 5, etag: "slow-5"))
        try launch(["-d", downloads, "-j", "1", server.url("/slow.bin?rate=2000000"),
                    server.url("/bytes/101?seed=1"), server.url("/bytes/102?seed=2"), server.url("/bytes/103?seed=3")])
        try waitForState("active", of: "slow.bin")
        try tmux.send("End")
        try waitForScreen("103 selected") { $0.isSelected("103") }
        try tmux.send("T")
        let moved = try waitForScreen("103 moved up") { self.order($0) == ["slow.bin", "103", "101", "102"] }
        XCTAssertTrue(moved.isSelected("103"), moved.description)
        XCTAssertTrue(moved.contains("Moved 103 to the top."), moved.description)
        print(moved)
        try tmux.send("q")
        try waitForScreen("the quit question") { $0.lines.last?.contains("Quit anyway?") ?? false }
        try tmux.send("y")
        try waitUntil("taro-tui to exit") { try tmux.deadStatus() != nil }
        tmux.kill()

        try launch(["-d", downloads, "-j", "1"])
        let restored = try waitForScreen("the rows restored") { self.order($0).count == 4 }
        XCTAssertEqual(order(restored), ["slow.bin", "103", "101", "102"], restored.description)
        print(restored)
        // The scheduler follows it too: once the slow one is aborted (a paused
        // transfer keeps its slot), 103 starts first.
        try tmux.send("Home")
        try tmux.send("x")
        try waitForState("done", of: "102")
        let started = server.requestLog.map(\.path).filter { ["/bytes/101", "/bytes/102", "/bytes/103"].contains($0) }
        XCTAssertEqual(started, ["/bytes/103", "/bytes/101", "/bytes/102"])
    }
}
