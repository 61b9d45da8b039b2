import XCTest
@testable import TaroRPC

/// The request head: what is read from it, and what is refused.
final class RPCHTTPRequestTests: XCTestCase {
    private func head(_ text: String) throws -> RPCHTTPRequest {
        try RPCHTTPRequest.parseHead(Array(text.utf8)[...])
    }

    func testARequestLineAndHeadersAreRead() throws {
        let request = try head("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1:6800\r\nContent-Length:  12 \r\n\r\n")
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.path, "/jsonrpc")
        XCTAssertEqual(request.headers["host"], "127.0.0.1:6800")
        XCTAssertEqual(try request.contentLength(), 12)
    }

    func testBareLineFeedsAreAccepted() throws {
        XCTAssertEqual(try head("GET /x HTTP/1.0\nA: b\n\n").headers["a"], "b")
    }

    func testMalformedHeadsAndLengthsAreRefused() throws {
        XCTAssertThrowsError(try head("NONSENSE\r\n\r\n"))
        XCTAssertThrowsError(try head("POST / HTTP/1.1\r\nno colon here\r\n\r\n"))
        XCTAssertThrowsError(try head("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"))
        XCTAssertThrowsError(try head("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n").contentLength())
        XCTAssertThrowsError(try head("POST / HTTP/1.1\r\n\r\n").contentLength()) { error in
            XCTAssertEqual(error as? RPCHTTPRequest.Refusal, .lengthRequired)
        }
        XCTAssertThrowsError(try head("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").contentLength())
    }

    func testOnlyLoopbackHostNamesPassWithoutListenAll() {
        for host in ["127.0.0.1", "127.0.0.1:6800", "localhost:1", "[::1]:6800", "LOCALHOST"] {
            XCTAssertTrue(RPCConnection.isLoopbackHost(host), host)
        }
        for host in ["evil.example", "127.0.0.1.evil.example:6800", "localhost.evil:80", ""] {
            XCTAssertFalse(RPCConnection.isLoopbackHost(host), host)
        }
    }
}
