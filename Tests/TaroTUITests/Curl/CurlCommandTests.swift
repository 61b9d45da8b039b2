import XCTest
@testable import TaroTUI

/// The exported command: every word quoted so the shell reads it back
/// unchanged, secrets masked unless asked for, a .part continued.
final class CurlCommandTests: XCTestCase {
    func testPlainDownloadNamesItsOutput() {
        let command = CurlCommand(url: "https://example.com/f.iso", outputPath: "/tmp/dl/f.iso")
        XCTAssertEqual(command.shellText(), "curl -L --fail -o /tmp/dl/f.iso https://example.com/f.iso")
    }

    func testQuotesEscapeSingleQuotesAndShellCharacters() {
        XCTAssertEqual(CurlCommand.shellQuote("it's"), "'it'\\''s'")
        XCTAssertEqual(CurlCommand.shellQuote("a b"), "'a b'")
        XCTAssertEqual(CurlCommand.shellQuote("$HOME"), "'$HOME'")
        XCTAssertEqual(CurlCommand.shellQuote("https://h/p?a=1&b=2"), "'https://h/p?a=1&b=2'")
        XCTAssertEqual(CurlCommand.shellQuote(""), "''")
        XCTAssertEqual(CurlCommand.shellQuote("plain-word_1.2"), "plain-word_1.2")
    }

    func testSecretsAreMaskedUnlessAsked() {
        let command = CurlCommand(url: "https://alice:s3cret@example.com/f",
                                  headers: [.init(name: "Authorization", value: "Bearer abc.def"),
                                            .init(name: "Cookie", value: "sid=xyz; theme=dark"),
                                            .init(name: "Accept", value: "text/plain")])
        XCTAssertEqual(command.url, "https://example.com/f", "userinfo moves out of the URL")
        let masked = command.shellText()
        XCTAssertEqual(masked, "curl -L --fail -u 'alice:***' -H 'Authorization: Bearer ***' "
            + "-H 'Cookie: sid=***; theme=***' -H 'Accept: text/plain' https://example.com/f")
        XCTAssertFalse(masked.contains("s3cret") || masked.contains("abc.def") || masked.contains("xyz"))
        let revealed = command.arguments(revealSecrets: true)
        XCTAssertTrue(revealed.contains("alice:s3cret"))
        XCTAssertTrue(revealed.contains("Authorization: Bearer abc.def"))
        XCTAssertTrue(revealed.contains("Cookie: sid=xyz; theme=dark"))
    }

    /// A URL Foundation will not parse (braces, a space, a pipe) still loses
    /// its password to -u, where it is masked.
    func testUserinfoLeavesEvenAURLFoundationCannotParse() {
        for url in ["https://alice:s3cret@h.example/x?a={b}", "https://alice:s3cret@h.example/a b|c"] {
            let command = CurlCommand(url: url)
            XCTAssertEqual(command.credentials, "alice:s3cret", url)
            XCTAssertFalse(command.url.contains("s3cret"), command.url)
            XCTAssertFalse(command.shellText().contains("s3cret"), command.shellText())
        }
        XCTAssertEqual(CurlCommand(url: "https://al%40ice:p%3Aw@h.example/").credentials, "al@ice:p:w")
    }

    /// A proxy's password is a secret like the server's: masked unless asked.
    func testAProxysPasswordIsMaskedUnlessAsked() {
        var command = CurlCommand(url: "https://h.example/f")
        command.options = ["--proxy", "http://bob:pr0xy@proxy.example:3128", "-k"]
        XCTAssertEqual(command.arguments(), ["curl", "-L", "--fail", "--proxy", "http://bob:***@proxy.example:3128", "-k",
                                             "https://h.example/f"])
        XCTAssertTrue(command.shellText(revealSecrets: true).contains("http://bob:pr0xy@proxy.example:3128"))
        command.options = ["--proxy", "http://proxy.example:3128"]
        XCTAssertTrue(command.shellText().contains("--proxy http://proxy.example:3128"), command.shellText())
    }

    func testPartialFileIsContinuedAndRenamed() {
        let command = CurlCommand(url: "http://127.0.0.1:9/f", outputPath: "/tmp/a b/f", resumeBytes: 100)
        XCTAssertEqual(command.shellText(),
                       "curl -L --fail -C - -o '/tmp/a b/f.part' http://127.0.0.1:9/f && mv '/tmp/a b/f.part' '/tmp/a b/f'")
    }

    /// Build, then parse back: the same URL and headers, whatever the
    /// quoting had to do.
    func testRoundTripKeepsURLAndHeaders() throws {
        let headers: [CurlCommand.Header] = [.init(name: "X-Quote", value: "it's \"fine\" $HOME `x` \\ back"),
                                             .init(name: "Accept", value: "*/*"),
                                             .init(name: "Cookie", value: "a=1; b='2'")]
        let url = "https://example.com/p?q=a b&x='y'"
        let command = CurlCommand(url: url, headers: headers, outputPath: "/tmp/o")
        let parsed = try CurlCommandParser.parse(command.shellText(revealSecrets: true))
        XCTAssertEqual(parsed.url, url)
        XCTAssertEqual(parsed.headers, headers)
    }
}
