import XCTest
import TaroNet
@testable import TaroTUI

/// Server-controlled strings with terminal escapes, C1 controls, bidi
/// overrides and broken UTF-8, in every place they can reach the screen.
final class HostileStringTests: XCTestCase {
    static let hostile: [String] = [
        "\u{1b}[2J\u{1b}[H",                   // clear screen, home
        "\u{1b}]52;c;AAAA\u{07}",              // OSC 52: write the clipboard
        "\u{1b}]0;owned title\u{1b}\\",        // OSC 0: window title
        "over\rwrite",
        "back\u{8}\u{8}space",
        "csi\u{9b}2J",                         // C1 CSI
        "exe.\u{202e}fdp",                     // right-to-left override
        "\u{2066}isolate\u{2069}\u{200f}",
        String(decoding: [0x62, 0x61, 0x64, 0xFF, 0xFE, 0xC3], as: UTF8.self),
        "tab\there\nnewline\u{7f}",
    ]

    private func hostileItems() -> [TransferSnapshot] {
        var exchange = HTTPExchange()
        exchange.requestLine = "GET /\u{1b}[31mred HTTP/1.1"
        exchange.requestFields = Self.hostile.map { .init(name: "X-Req\u{1b}", value: $0) }
        exchange.responses = [.init(statusLine: "HTTP/1.1 200 O\u{1b}[2JK\r", statusCode: 200,
                                    fields: Self.hostile.map { .init(name: "X-Evil", value: $0) })]
        exchange.effectiveURL = "https://user:pw@host/\u{1b}]52;c;AAAA\u{07}"
        exchange.remoteAddress = "\u{9b}6n"
        exchange.httpVersion = "\u{202e}1.1"
        exchange.timings = .init(total: 1)
        return Self.hostile.enumerated().map { index, text in
            TransferSnapshot(id: UInt64(index + 1), kind: .download, url: "https://h/\(text)", name: text,
                             state: index % 2 == 0 ? .failed : .active, bytesDone: 10, bytesTotal: 100,
                             bytesPerSecond: 5, errorMessage: text, localPath: "/tmp/\(text)", exchange: exchange)
        }
    }

    func testNoRawControlOrBidiCharacterReachesACell() {
        let items = hostileItems()
        for size in [TerminalSize(rows: 10, cols: 40), TerminalSize(rows: 24, cols: 80), TerminalSize(rows: 50, cols: 200)] {
            for ascii in [false, true] {
                var state = AppState(downloadDirectory: "/tmp", asciiOnly: ascii, size: size)
                state.reconcile(with: items)
                assertTerminalSafe(ScreenRenderer.render(state, items: items, size: size))
                for index in items.indices {
                    state.select(index: index, in: items)
                    state.paneOpen = true
                    for scroll in stride(from: 0, to: 60, by: 5) {
                        state.paneScroll = scroll
                        assertTerminalSafe(ScreenRenderer.render(state, items: items, size: size))
                    }
                }
                state.message = StatusMessage("bad \u{1b}[2J \u{202e} \u{9b}", kind: .error)
                assertTerminalSafe(ScreenRenderer.render(state, items: items, size: size))
            }
        }
    }

    func testEscapesAreVisibleInThePane() {
        let items = hostileItems()
        var state = AppState(downloadDirectory: "/tmp", size: TerminalSize(rows: 100, cols: 200))
        state.reconcile(with: items)
        state.paneOpen = true
        let text = ScreenRenderer.render(state, items: items, size: state.size).text
        XCTAssertTrue(text.contains(#"X-Evil: \e[2J\e[H"#))
        XCTAssertTrue(text.contains(#"X-Evil: \e]52;c;AAAA\x07"#))
        XCTAssertTrue(text.contains(#"X-Evil: over\rwrite"#))
        XCTAssertTrue(text.contains(#"X-Evil: csi\u{9b}2J"#))
        XCTAssertTrue(text.contains(#"X-Evil: exe.\u{202e}fdp"#))
        XCTAssertTrue(text.contains(#"X-Evil: bad\u{fffd}\u{fffd}\u{fffd}"#))
        XCTAssertTrue(text.contains(#"HTTP/1.1 200 O\e[2JK\r"#))
        XCTAssertTrue(text.contains(#"https://host/\e]52;c;AAAA\x07"#))   // and no user:pw
        XCTAssertFalse(text.contains("user:pw"))
    }

    func testEscapesAreVisibleInTheList() {
        let items = hostileItems()
        var state = AppState(downloadDirectory: "/tmp", size: TerminalSize(rows: 20, cols: 120))
        state.reconcile(with: items)
        let lines = ScreenRenderer.render(state, items: items, size: state.size).lines
        XCTAssertTrue(lines[1].contains(#"\e[2J\e[H"#), lines[1])
        XCTAssertTrue(lines[2].contains(#"\e]52;c;AAAA\x07"#), lines[2])
    }

    func testMessagesAreSanitizedToo() {
        var state = AppState(downloadDirectory: "/tmp", size: TerminalSize(rows: 10, cols: 60))
        state.message = StatusMessage("Queued download of https://h/\u{1b}[2J", kind: .info)
        let screen = ScreenRenderer.render(state, items: [], size: state.size)
        assertTerminalSafe(screen)
        XCTAssertEqual(screen.lines[9], #" Queued download of https://h/\e[2J"#)
    }
}
