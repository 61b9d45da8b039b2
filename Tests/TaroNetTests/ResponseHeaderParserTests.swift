import TaroNet
import XCTest

/// The parser of the header lines curl hands over, on the inputs the headers
/// fuzz target found and around them.
final class ResponseHeaderParserTests: XCTestCase {
    /// Found by the headers fuzz target: "HTTP/1.1 3 …" gave status 3.
    func testAStatusCodeIsThreeDigitsOrNothing() {
        XCTAssertEqual(ResponseHeaderParser.statusCode(of: "HTTP/1.1 404 Not Found"), 404)
        XCTAssertEqual(ResponseHeaderParser.statusCode(of: "HTTP/2 200"), 200)
        for junk in ["HTTP/1.1 3 uFo02nd", "HTTP/1.1 -50 x", "HTTP/1.1 +20 x", "HTTP/1.1 20000 x",
                     "HTTP/1.1 099 x", "HTTP/1.1 ２００ x", "HTTP/1.1", "HTTP/1.1 abc"] {
            XCTAssertEqual(ResponseHeaderParser.statusCode(of: junk), 0, junk)
        }
    }

    func testABlockEndsAtItsBlankLineAndCountsEveryByte() {
        var parser = ResponseHeaderParser()
        let lines = ["HTTP/1.1 3 uFo02nd\r\n", "Location: /x\r\n", " folded\r\n", "\r\n"]
        var responses: [HTTPExchange.Response] = []
        for line in lines {
            if let r = Array(line.utf8).withUnsafeBytes({ parser.feed($0) }) { responses.append(r) }
        }
        XCTAssertEqual(responses.count, 1)
        XCTAssertEqual(responses.first?.statusCode, 0)
        XCTAssertEqual(responses.first?.fields.map(\.value), ["/x folded"])
        XCTAssertEqual(parser.totalBytes, lines.map(\.utf8.count).reduce(0, +))
    }

    /// Found by the headers fuzz target: a line with a bare CR before its
    /// colon became a field whose name held the CR.
    func testALineWhoseNameIsNoTokenIsNoField() {
        var parser = ResponseHeaderParser()
        let lines = ["HTTP/1.1 200 OK\r\n", "  foldTP/2 200\rx: y\r\n", "Bad Name: z\r\n", "Good-Name_1: v\r\n", "\r\n"]
        var response: HTTPExchange.Response?
        for line in lines {
            if let r = Array(line.utf8).withUnsafeBytes({ parser.feed($0) }) { response = r }
        }
        XCTAssertEqual(response?.fields.map(\.name), ["Good-Name_1"])
        XCTAssertEqual(response?.fields.map(\.value), ["v"])
    }
}
