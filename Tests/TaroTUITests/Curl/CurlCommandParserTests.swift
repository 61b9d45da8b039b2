import XCTest
@testable import TaroTUI

/// Reading a pasted "Copy as cURL" command: shell quoting, continuations,
/// the options browsers write, and a clear refusal for anything not a GET.
final class CurlCommandParserTests: XCTestCase {
    func testChromeStyleCommandOverSeveralLines() throws {
        let text = """
        curl 'https://example.com/files/report.pdf' \\
          -H 'accept: application/pdf' \\
          -H 'accept-language: en-US,en;q=0.9' \\
          -b 'session=abc123; theme=dark' \\
          -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\
          --compressed
        """
        let parsed = try CurlCommandParser.parse(text)
        XCTAssertEqual(parsed.url, "https://example.com/files/report.pdf")
        XCTAssertEqual(parsed.headers, [.init(name: "accept", value: "application/pdf"),
                                        .init(name: "accept-language", value: "en-US,en;q=0.9"),
                                        .init(name: "user-agent", value: "Mozilla/5.0 (X11; Linux x86_64)"),
                                        .init(name: "Cookie", value: "session=abc123; theme=dark")])
    }

    func testLongOptionsDoubleQuotesAndAnsiQuotes() throws {
        let parsed = try CurlCommandParser.parse(
            #"curl --url "https://h.example/a\"b" --header "X-A: \$1" --cookie a=1 --cookie b=2 -A agent -X get -H $'X-B: it\'s'"#)
        XCTAssertEqual(parsed.url, "https://h.example/a\"b")
        XCTAssertEqual(parsed.headers, [.init(name: "X-A", value: "$1"), .init(name: "User-Agent", value: "agent"),
                                        .init(name: "X-B", value: "it's"), .init(name: "Cookie", value: "a=1; b=2")])
    }

    func testAttachedShortOptionValue() throws {
        let parsed = try CurlCommandParser.parse("curl -H'Accept: x' http://h/")
        XCTAssertEqual(parsed.headers, [.init(name: "Accept", value: "x")])
    }

    func testBodiesAndOtherMethodsAreRefused() {
        for (text, word) in [("curl https://h/ --data-raw 'a=1'", "--data-raw"),
                             ("curl -d a=1 https://h/", "-d"),
                             ("curl -X POST https://h/", "POST"),
                             ("curl --json '{}' https://h/", "--json"),
                             ("curl -F f=@x https://h/", "-F")] {
            XCTAssertThrowsError(try CurlCommandParser.parse(text), text) { error in
                let description = (error as? CurlCommandParser.Failure)?.description ?? ""
                XCTAssertTrue(description.contains(word), description)
            }
        }
    }

    func testMalformedCommandsSayWhatIsWrong() {
        let cases = ["curl 'https://h/": "quote is not closed",
                     "curl -H": "-H needs a value",
                     "curl -H nocolon https://h/": "Name: value",
                     "curl --compressed": "no URL",
                     "curl https://a/ https://b/": "more than one URL",
                     "curl -b cookies.txt https://h/": "cookie file",
                     "curl --frobnicate https://h/": "--frobnicate",
                     "wget https://h/": "start with curl"]
        for (text, expected) in cases {
            XCTAssertThrowsError(try CurlCommandParser.parse(text), text) { error in
                let description = (error as? CurlCommandParser.Failure)?.description ?? ""
                XCTAssertTrue(description.contains(expected), "\(text): \(description)")
            }
        }
    }

    func testShellWordsKeepEmptyQuotedWordsAndJoinAdjacentParts() throws {
        XCTAssertEqual(try ShellWords.split("a '' b\"c\"'d' e\\ f"), ["a", "", "bcd", "e f"])
    }

    /// Firefox writes the browser's Accept-Encoding beside --compressed.
    /// Taro writes a download's bytes as they arrive: sent on, that header
    /// would leave a gzip stream on disk under the file's name.
    func testTheBrowsersAcceptEncodingIsNotSentOn() throws {
        let parsed = try CurlCommandParser.parse(
            "curl 'https://h.example/data.csv' --compressed -H 'Accept: text/csv' "
                + "-H 'Accept-Encoding: gzip, deflate, br, zstd' -H 'accept-encoding: br'")
        XCTAssertEqual(parsed.headers, [.init(name: "Accept", value: "text/csv")])
    }

    /// `-sSL`, `-fsSL`, `-Ls`: one word of switches that change nothing here.
    func testClustersOfIgnoredSwitchesAreIgnored() throws {
        for cluster in ["-sSL", "-fsSL", "-Ls", "-sLO", "-#L"] {
            XCTAssertEqual(try CurlCommandParser.parse("curl \(cluster) https://h/f").url, "https://h/f", cluster)
        }
        XCTAssertThrowsError(try CurlCommandParser.parse("curl -sLk https://h/f")) { error in
            XCTAssertEqual("\(error)", "curl option -sLk is not understood here")
        }
    }

    /// Chrome writes "!", control and non-ASCII characters in $'…' as
    /// \uHHHH (older versions as \xHH): they are the characters, not letters.
    func testAnsiQuotesDecodeChromesEscapes() throws {
        let parsed = try CurlCommandParser.parse(
            #"curl $'https://h.example/a\u0021b' -H $'X-A: caf\u00e9 \xe9\x21' -b $'k=v\u0021' -H $'X-B: \101\tZ'"#)
        XCTAssertEqual(parsed.url, "https://h.example/a!b")
        XCTAssertEqual(parsed.headers, [.init(name: "X-A", value: "café é!"), .init(name: "X-B", value: "A\tZ"),
                                        .init(name: "Cookie", value: "k=v!")])
        XCTAssertEqual(try ShellWords.split(#"$'\U0001F600\'\\\"\q\e'"#), ["😀'\\\"\\q\u{1B}"])
    }

    /// A line break or other control character decoded into a header or the
    /// URL would be a second header, or garbage on the wire: refused, saying where.
    func testControlCharactersInAHeaderOrTheURLAreRefused() {
        for (text, expected) in [(#"curl https://h/ -H $'X-A: a\r\nX-B: b'"#, "header X-A holds a control character"),
                                 (#"curl https://h/ -b $'k=\ev'"#, "header Cookie holds a control character"),
                                 (#"curl $'https://h/\n'"#, "the URL holds a control character")] {
            XCTAssertThrowsError(try CurlCommandParser.parse(text), text) { error in
                XCTAssertEqual("\(error)", expected, text)
            }
        }
    }

    /// Chrome also offers "Copy as cURL (cmd)", quoted for Windows with ^:
    /// say so, instead of reading ^"https://…^" as a URL that is not one.
    func testTheWindowsCmdFormIsNamed() {
        let text = #"curl ^"https://h.example/f^" ^"#
            + "\n" + #"  -H ^"accept: */*^" ^"# + "\n" + #"  --compressed"#
        XCTAssertThrowsError(try CurlCommandParser.parse(CurlCommandParser.oneLine(text))) { error in
            XCTAssertEqual("\(error)", "this is the Windows (cmd) form, quoted with ^; copy the request as cURL (bash)")
        }
    }
}
