import XCTest
import TaroServer

/// `s` in a real terminal: sorted by size the largest comes first and the
/// heading marks the column; `S` reverses; back in queue order the rows
/// stand as they were queued.
final class SortEndToEndTests: EndToEndTestCase {
    func testSortBySizeAndReverse() throws {
        try launchDownloading([server.url("/bytes/2000?seed=1"), server.url("/bytes/3000?seed=2"),
                               server.url("/bytes/1000?seed=3")])
        for name in ["1000", "2000", "3000"] { try waitForState("done", of: name) }
        func order(_ screen: TerminalScreen) -> [String] {
            screen.lines.compactMap { line in ["1000", "2000", "3000"].first { line.dropFirst(3).hasPrefix($0 + " ") } }
        }
        try tmux.send("s")
        try tmux.send("s")
        // A capture can fall between the heading's redraw and the rows':
        // wait for the whole frame, and a wrong order times out with the screen.
        try waitForScreen("sorted by size, largest first") {
            $0.lines[0].contains("SIZE↓") && order($0) == ["3000", "2000", "1000"]
        }
        try tmux.send("S")
        try waitForScreen("reversed") { $0.lines[0].contains("SIZE↑") && order($0) == ["1000", "2000", "3000"] }
        for _ in 0..<5 { try tmux.send("s") }
        let queue = try waitForScreen("queue order again") {
            $0.contains("List in queue order") && order($0) == ["2000", "3000", "1000"]
        }
        XCTAssertFalse(queue.lines[0].contains("↑") || queue.lines[0].contains("↓"), queue.description)
    }
}
