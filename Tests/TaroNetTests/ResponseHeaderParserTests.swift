@testable import TaroNet
import XCTest

/// The header callback's parser, fed line by line as curl feeds it.
final class ResponseHeaderParserTests: XCTestCase {
    private func parse(_ lines: [String]) -> [HTTPExchange.Response] {
        var parser = ResponseHeaderParser()
        var out: [HTTPExchange.Response] = []
        for line in lines {
            let bytes = Array(line.utf8)
            if let response = bytes.withUnsafeBytes({ parser.feed($0) }) { out.append(response) }
        }
        return out
    }

    func testFieldsAreSplitAtTheFirstColonAndTrimmed() {
        let responses = parse(["HTTP/1.1 200 OK\r\n", "Content-Type:  text/plain \t\r\n", "X-Time: 12:30:01\r\n",
                               "Empty:\r\n", "\r\n"])
        XCTAssertEqual(responses.count, 1)
        XCTAssertEqual(responses[0].statusCode, 200)
        XCTAssertEqual(responses[0].statusLine, "HTTP/1.1 200 OK")
        XCTAssertEqual(responses[0].fields.map(\.name), ["Content-Type", "X-Time", "Empty"])
        XCTAssertEqual(responses[0].fields.map(\.value), ["text/plain", "12:30:01", ""])
    }

    func testFoldedLinesJoinThePreviousValueAndEachHopIsAResponse() {
        let responses = parse(["HTTP/1.1 302 Found\r\n", "Location: /b\r\n", "\r\n",
                               "HTTP/2 200\r\n", "X-Long: one\r\n", " \t two\r\n", "\r\n",
                               "Trailer: after the body\r\n"])
        XCTAssertEqual(responses.map(\.statusCode), [302, 200])
        XCTAssertEqual(responses[1].fields.first?.value, "one two")
        XCTAssertEqual(responses[1].fields.count, 1, "a line after the blank one is a trailer, not a field")
    }

    func testInvalidUTF8IsRepairedNotDropped() {
        var parser = ResponseHeaderParser()
        var out: HTTPExchange.Response?
        for line in [Array("HTTP/1.1 200 OK\r\n".utf8), Array("X-Name: caf".utf8) + [0xE9] + Array("\r\n".utf8), [13, 10]] {
            if let r = line.withUnsafeBytes({ parser.feed($0) }) { out = r }
        }
        XCTAssertEqual(out?.fields.first?.value, "caf\u{FFFD}")
    }
}
