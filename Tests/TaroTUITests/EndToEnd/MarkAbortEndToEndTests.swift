import XCTest
import TaroServer

/// Marking rows in a real terminal and aborting them at once: `*` marks
/// all shown, four aborts ask first, `y` aborts them all and nothing is
/// left under their names.
final class MarkAbortEndToEndTests: EndToEndTestCase {
    func testMarkAllShownThenAbortAfterConfirming() throws {
        let names = ["10000001", "10000002", "10000003", "10000004"]
        try launch(["-d", downloads, "-j", "2"] + names.map { server.url("/bytes/\($0)?rate=200000") })
        for name in names { try waitForScreen("\(name) listed") { $0.row(named: name) != nil } }
        try tmux.send("Space")
        try waitForScreen("one marked") { $0.contains("1 marked") }
        try tmux.send("*")
        let marked = try waitForScreen("all marked") { $0.contains("4 marked") }
        print(marked)
        try tmux.send("x")
        let question = try waitForScreen("the question") { $0.lines.last?.contains("Abort 4 transfers? (y/N)") ?? false }
        print(question)
        try tmux.send("y")
        for name in names { try waitForState("aborted", of: name) }
        let done = try tmux.capture()
        XCTAssertFalse(done.contains("marked"), done.description)
        print(done)
        try waitUntil("no file or .part left") { self.downloadedNames().isEmpty }
    }
}
