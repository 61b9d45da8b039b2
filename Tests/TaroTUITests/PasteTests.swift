import XCTest
import TaroNet
@testable import TaroTUI

/// Pasting: several lines into the download prompt queue one download per
/// non-blank line; one line is inserted for editing; pasted text is never
/// taken as keys; and without bracketed paste, a burst with a line break
/// followed by more text is recognised as a paste instead of accepting the
/// prompt halfway.
final class PasteTests: XCTestCase {
    private let dl = "/tmp/x"

    func testSeveralLinesQueueOneDownloadPerNonBlankLine() {
        var h = ReducerHarness()
        h.press(.char("a"), .paste("https://a.example/1\r\n\n  https://a.example/2  \nhttps://a.example/3\n"))
        XCTAssertEqual(h.commands, [.queueDownloads(urls: ["https://a.example/1", "https://a.example/2",
                                                           "https://a.example/3"], directory: dl)])
        XCTAssertNil(h.state.prompt)
        XCTAssertEqual(h.state.message, StatusMessage("Queued 3 downloads from the paste."))
    }

    func testTextAroundTheCursorJoinsTheFirstAndLastPastedLines() {
        var h = ReducerHarness()
        h.press(.char("a"))
        h.type("https://exa/tail")
        for _ in 0..<5 { h.press(.left) }
        h.press(.paste("mple.com/1\nhttps://b.example/2"))
        XCTAssertEqual(h.commands, [.queueDownloads(urls: ["https://example.com/1", "https://b.example/2/tail"],
                                                    directory: dl)])
    }

    func testOneLineIsInsertedAndNotAccepted() {
        var h = ReducerHarness()
        h.press(.char("a"), .paste("https://a.example/only\n"))
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.prompt?.editor.text, "https://a.example/only")
        h.press(.enter)
        XCTAssertEqual(h.commands, [.queueDownload(url: "https://a.example/only", directory: dl)])
    }

    func testLinesThatAreNotURLsAreSkippedAndNamed() {
        var h = ReducerHarness()
        h.press(.char("a"), .paste("https://a.example/1\nftp://old\nhello\nhttps://a.example/2"))
        XCTAssertEqual(h.commands, [.queueDownloads(urls: ["https://a.example/1", "https://a.example/2"], directory: dl)])
        XCTAssertEqual(h.state.message, StatusMessage(
            "Queued 2 downloads from the paste. Skipped 2 lines that are not http(s) URLs, first: ftp://old",
            kind: .error))
    }

    func testAPasteWithNoURLAtAllIsRefusedAndThePromptStays() {
        var h = ReducerHarness()
        h.press(.char("a"))
        h.type("https://")
        h.press(.paste("\nhello\nworld"))
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.message?.text, "None of the 3 pasted lines is an http:// or https:// URL.")
        XCTAssertEqual(h.state.prompt?.editor.text, "https://")
    }

    func testControlCharactersInAPasteNeverEnterThePromptOrAURL() {
        var h = ReducerHarness()
        h.press(.char("a"), .paste("https://a.example/\u{1b}[2Jx\u{202e}y"))
        XCTAssertEqual(h.state.prompt?.editor.text, "https://a.example/[2Jxy")
        h.press(.escape, .char("a"), .paste("https://a.example/\u{7}1\nhttps://a.example/\u{9b}2"))
        XCTAssertEqual(h.commands, [.queueDownloads(urls: ["https://a.example/1", "https://a.example/2"], directory: dl)])
    }

    func testTheUploadPromptsTakeOneLine() {
        var h = ReducerHarness()
        h.press(.char("u"), .paste("/tmp/a\n/tmp/b"))
        XCTAssertEqual(h.state.message?.text, "Paste one line here: a file name or URL has no line breaks.")
        XCTAssertEqual(h.state.prompt?.editor.text, "")
        h.press(.paste("/tmp/a\n"))
        XCTAssertEqual(h.state.prompt?.editor.text, "/tmp/a")
        XCTAssertEqual(h.commands, [])
    }

    func testAPasteOutsideAPromptDoesNothingButSaySo() {
        var h = ReducerHarness()
        h.press(.paste("q\nd\nx"))
        XCTAssertEqual(h.commands, [])
        XCTAssertFalse(h.quit)
        XCTAssertEqual(h.state.message?.text, "To queue pasted URLs, press a first, then paste.")
    }

    // MARK: bursts without bracketed paste

    private func keys(_ text: String) -> [Key] {
        text.unicodeScalars.map { $0 == "\n" ? .enter : .character($0) }
    }

    func testABurstEndingInEnterIsTypingAndABreakFollowedByTextIsAPaste() {
        XCTAssertNil(KeyBurst.paste(in: keys("https://a/1\n"), from: 0))
        XCTAssertNil(KeyBurst.paste(in: keys("abc"), from: 0))
        let paste = KeyBurst.paste(in: keys("u1\nu2\n") + [.escape, .char("z")], from: 0)
        XCTAssertEqual(paste?.text, "u1\nu2\n")
        XCTAssertEqual(paste?.end, 6)
        XCTAssertEqual(KeyBurst.paste(in: [.char("x")] + keys("\nu"), from: 1)?.text, "\nu")
    }

    func testASessionTakesABurstWithLineBreaksInThePromptAsOnePaste() {
        let controller = InMemoryTransferController()
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: dl),
                                 size: TerminalSize(rows: 24, cols: 80))
        session.handle(.char("a"))
        session.handle(burst: keys("https://a.example/1\nhttps://a.example/2\n"))
        XCTAssertEqual(controller.calls, ["queueDownloads 2 -> \(dl)"])
        XCTAssertEqual(session.items.map(\.url), ["https://a.example/1", "https://a.example/2"])
        XCTAssertNil(session.state.prompt)
        // Typing a URL and Enter in one read is still typing.
        session.handle(.char("a"))
        session.handle(burst: keys("https://a.example/3\n"))
        XCTAssertEqual(controller.calls.last, "queueDownload https://a.example/3 -> \(dl)")
    }

    func testOutsideAPromptABurstIsKeys() {
        let controller = InMemoryTransferController(items: Fixtures.mixed)
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: dl),
                                 size: TerminalSize(rows: 24, cols: 80))
        session.handle(burst: [.enter, .char("j")])
        XCTAssertTrue(session.state.paneOpen)
        XCTAssertEqual(session.state.selectedID, 2)
    }
}
