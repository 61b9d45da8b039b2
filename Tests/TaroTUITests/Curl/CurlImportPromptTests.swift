import XCTest
import TaroNet
@testable import TaroTUI

/// The add prompt given a browser's "Copy as cURL": typed or pasted over
/// several lines, it queues the URL with the headers and cookies.
final class CurlImportPromptTests: XCTestCase {
    private let dl = "/tmp/x"

    func testPastedMultiLineCommandQueuesURLWithHeadersAndCookies() {
        var h = ReducerHarness()
        h.press(.char("a"), .paste("curl 'https://example.com/f.bin' \\\n  -H 'Accept: */*' \\\n  -b 'sid=1; t=2' \\\n  --compressed\n"))
        XCTAssertNotNil(h.state.prompt, "a paste is shown for checking; Enter queues it")
        h.press(.enter)
        XCTAssertEqual(h.commands, [.queueDownloadWithHeaders(url: "https://example.com/f.bin", directory: dl,
                                                              headers: ["Accept": "*/*", "Cookie": "sid=1; t=2"])])
        XCTAssertNil(h.state.prompt)
        XCTAssertEqual(h.state.message?.text, "Queued download of https://example.com/f.bin with 2 headers from the curl command.")
    }

    func testPostIsRefusedAndThePromptKept() {
        var h = ReducerHarness()
        h.press(.char("a"), .paste("curl 'https://example.com/api' --data-raw 'x=1'"), .enter)
        XCTAssertEqual(h.commands, [])
        XCTAssertNotNil(h.state.prompt, "the command stays to be fixed")
        XCTAssertEqual(h.state.message?.kind, .error)
        XCTAssertEqual(h.state.message?.text, "curl command: --data-raw sends a request body; a download is a plain GET.")
    }
}
