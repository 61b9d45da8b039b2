import XCTest
import TaroServer

/// `/` in a real terminal: the list narrows as the filter is typed, the
/// footer counts what is shown, Esc brings every row back, and n jumps to
/// the next match of the cleared filter.
final class FilterEndToEndTests: EndToEndTestCase {
    func testFilterNarrowsLiveCountsAndEscClears() throws {
        try launchDownloading([server.url("/bytes/1000?seed=1"), server.url("/status/404"),
                               server.url("/bytes/2000?seed=2"), server.url("/status/410")])
        try waitForState("done", of: "2000")
        try waitForState("failed", of: "410")
        try tmux.send("/")
        try waitForScreen("the filter prompt") { $0.lines.last?.contains("Filter") ?? false }
        try tmux.type("state:fail")
        try waitForScreen("nothing matching a partial state word") { $0.contains("No transfer matches state:fail") }
        try tmux.type("ed")
        let filtered = try waitForScreen("only the failed rows") { screen in
            screen.row(named: "404") != nil && screen.row(named: "1000") == nil && screen.contains("2 of 4 shown")
        }
        XCTAssertNotNil(filtered.row(named: "410"), filtered.description)
        print(filtered)
        try tmux.send("Enter")
        try tmux.send("Escape")
        let all = try waitForScreen("every row again") { $0.row(named: "1000") != nil && !$0.contains("shown") }
        XCTAssertTrue(all.contains("Filter cleared; n and N find state:failed."), all.description)
        XCTAssertTrue(all.isSelected("404"), "the selection stays on its row")
        print(all)
        try tmux.send("n")
        try waitForScreen("n selecting the next failed row") { $0.isSelected("410") }
        try tmux.send("n")
        try waitForScreen("n wrapping to the first failed row") { $0.isSelected("404") }
        try tmux.send("N")
        try waitForScreen("N going back, wrapping") { $0.isSelected("410") }
        print(try tmux.capture())
    }
}
