import XCTest
import TaroNet
@testable import TaroTUI

/// `C`: the selected download as a curl command, copied and shown; what
/// curl adds by itself is left out, secrets stay masked, a .part is continued.
final class CurlExportKeyTests: XCTestCase {
    private func download(state: TransferSnapshot.State, bytesDone: Int64) -> TransferSnapshot {
        var exchange = HTTPExchange()
        exchange.requestLine = "GET /f HTTP/1.1"
        exchange.requestFields = [.init(name: "Host", value: "example.com"),
                                  .init(name: "User-Agent", value: "taro/1.0"),
                                  .init(name: "Accept", value: "*/*"),
                                  .init(name: "Range", value: "bytes=100-"),
                                  .init(name: "Authorization", value: URLRedaction.hiddenValue),
                                  .init(name: "Cookie", value: URLRedaction.hiddenValue),
                                  .init(name: "X-Custom", value: "a 'quoted' value")]
        return TransferSnapshot(id: 7, kind: .download, url: "https://example.com/f?a=1&b=2", name: "it's.bin",
                                state: state, bytesDone: bytesDone, bytesTotal: 1000,
                                localPath: "/tmp/x/it's.bin", exchange: exchange)
    }

    func testCopiesTheCommandThatContinuesThePart() {
        var h = ReducerHarness(items: [download(state: .paused, bytesDone: 100)])
        h.press(.char("C"))
        let expected = "curl -L --fail -H 'User-Agent: taro/1.0' -H 'Authorization: ***' -H 'Cookie: ***' "
            + "-H 'X-Custom: a '\\''quoted'\\'' value' -C - -o '/tmp/x/it'\\''s.bin.part' 'https://example.com/f?a=1&b=2'"
            + " && mv '/tmp/x/it'\\''s.bin.part' '/tmp/x/it'\\''s.bin'"
        XCTAssertEqual(h.clipboard, expected)
        XCTAssertEqual(h.state.message, StatusMessage("Copied: " + expected))
        XCTAssertEqual(h.commands, [], "nothing is sent to the controller")
    }

    func testAFinishedDownloadIsFetchedWhole() {
        var h = ReducerHarness(items: [download(state: .done, bytesDone: 1000)])
        h.press(.char("C"))
        XCTAssertTrue(h.clipboard?.hasSuffix("-o '/tmp/x/it'\\''s.bin' 'https://example.com/f?a=1&b=2'") ?? false,
                      h.clipboard ?? "nil")
    }

    func testUploadsAndAnEmptyListAreRefused() {
        var h = ReducerHarness(items: [Fixtures.item(1, "up.bin", .active, kind: .upload)])
        h.press(.char("C"))
        XCTAssertNil(h.clipboard)
        XCTAssertEqual(h.state.message, StatusMessage("Only downloads can be exported as curl.", kind: .error))
        var empty = ReducerHarness(items: [])
        empty.press(.char("C"))
        XCTAssertNil(empty.clipboard)
        XCTAssertEqual(empty.state.message?.kind, .error)
    }

    func testOSC52CarriesTheTextInBase64() {
        XCTAssertEqual(Clipboard.osc52("curl 'x'"), "\u{1b}]52;c;Y3VybCAneCc=\u{07}")
    }
}
