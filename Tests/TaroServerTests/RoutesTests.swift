import Foundation
import XCTest
@testable import TaroServer

final class RoutesTests: ServerTestCase {
    func testRedirectChainWithCurl() throws {
        let result = try Shell.curl(["-L", "-w", "\n%{num_redirects} %{url_effective}", "-o", "/dev/null",
                                     server.url("/redirect/3?to=/bytes/16%3Fseed%3D2&code=307")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: "\n"), "3 \(server.url("/bytes/16?seed=2"))")
        XCTAssertEqual(server.requestLog.map(\.target), [
            "/redirect/3?to=/bytes/16%3Fseed%3D2&code=307", "/redirect/2?to=/bytes/16%3Fseed%3D2&code=307",
            "/redirect/1?to=/bytes/16%3Fseed%3D2&code=307", "/bytes/16?seed=2",
        ])
    }

    func testRedirectHopsAndTargets() throws {
        let hop = try get("/redirect/2")
        XCTAssertEqual(hop.status, 302)
        XCTAssertEqual(hop.header("Location"), "/redirect/1")
        XCTAssertEqual(try get("/redirect/1").header("Location"), "/bytes/16")
        XCTAssertEqual(try get("/redirect/2?abs=1&code=301").header("Location"),
                       "http://127.0.0.1/redirect/1?abs=1&code=301")
        let elsewhere = try get("/redirect-to?url=file:///etc/passwd&code=308")
        XCTAssertEqual(elsewhere.status, 308)
        XCTAssertEqual(elsewhere.header("Location"), "file:///etc/passwd")
    }

    func testStatusRoute() throws {
        let teapot = try get("/status/418")
        XCTAssertEqual(teapot.status, 418)
        XCTAssertTrue(teapot.bodyText.hasPrefix("418"))
        let empty = try get("/status/204")
        XCTAssertEqual(empty.status, 204)
        XCTAssertNil(empty.header("Content-Length"))
        XCTAssertEqual(try get("/status/abc").status, 400)
        XCTAssertEqual(try get("/nowhere").status, 404)
    }

    func testJSONAndCookies() throws {
        let json = try get("/json")
        XCTAssertEqual(json.header("Content-Type"), "application/json")
        XCTAssertEqual(json.bodyText, #"{"ok":true,"n":42,"items":[1,2,3],"name":"taro"}"#)
        XCTAssertEqual(try get("/cookies").headers("Set-Cookie").count, 2)
    }

    func testEchoReportsTheRequest() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("POST", "/echo?x=1", headers: ["X-Test: a\"b"], body: Array("héllo".utf8), close: true)
        let response = try connection.readResponse()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        XCTAssertEqual(object["method"] as? String, "POST")
        XCTAssertEqual(object["target"] as? String, "/echo?x=1")
        XCTAssertEqual(object["body"] as? String, "héllo")
        XCTAssertEqual(object["bodyBase64"] as? Bool, false)
        XCTAssertEqual(object["bodyLength"] as? Int, 6)
        let headers = try XCTUnwrap(object["headers"] as? [[String]])
        XCTAssertTrue(headers.contains(["X-Test", "a\"b"]))

        let binary = try RawHTTPConnection(port: server.port)
        try binary.request("PUT", "/echo", body: [0xff, 0x00, 0xfe], close: true)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(binary.readResponse().body)) as? [String: Any])
        XCTAssertEqual(decoded["bodyBase64"] as? Bool, true)
        XCTAssertEqual(decoded["body"] as? String, "/wD+")
    }

    func testLargeAndHostileResponseHeaders() throws {
        let response = try get("/headers?count=100&size=1024&h=X-Esc:%20%1B]0;title%07")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headerLines.filter { $0.starts(with: Array("X-Filler-".utf8)) }.count, 100)
        XCTAssertEqual(response.header("X-Filler-99")?.count, 1024)
        XCTAssertTrue(response.headerLines.contains(Array("X-Esc: \u{1B}]0;title\u{07}".utf8)))
    }

    /// The first chunk is on the wire well before the last one is sent.
    func testChunksArriveOverTime() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("GET", "/chunks?count=3&size=100&interval=300&seed=5", close: true)
        let start = Date()
        let response = try connection.readResponse()
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.55)
        XCTAssertEqual(response.body, expectedBody(seed: 5, count: 300))

        var firstChunkSeenAt: TimeInterval?
        let early = try RawHTTPConnection(port: server.port)
        try early.request("GET", "/chunks?count=2&size=10&interval=500", close: true)
        let sent = Date()
        var received = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while total == 0 || !String(decoding: received[0..<total], as: UTF8.self).contains("a\r\n") {
            let count = received[total...].withUnsafeMutableBytes { recv(early.socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            total += count
        }
        firstChunkSeenAt = Date().timeIntervalSince(sent)
        XCTAssertLessThan(try XCTUnwrap(firstChunkSeenAt), 0.3)
    }

    func testRawChunkSizeLineIsSentVerbatim() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("GET", "/rawchunk?size=ffffffffffffffffff")
        _ = try connection.readResponse(headRequest: true)
        let rest = try connection.readToEnd()
        XCTAssertTrue(rest.starts(with: Array("ffffffffffffffffff\r\n".utf8)))
        XCTAssertTrue(connection.peerClosed)
    }

    func testSlowHeaders() throws {
        let start = Date()
        XCTAssertEqual(try get("/slowheaders?delay=300").status, 200)
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.29)
    }

    /// Many requests on one connection, a request body that no route reads,
    /// and Connection: close honoured at the end.
    func testKeepAliveCarriesManyRequests() throws {
        let connection = try RawHTTPConnection(port: server.port)
        for index in 0..<20 {
            try connection.request("POST", "/bytes/\(index)", body: Array(repeating: 65, count: index * 10))
            XCTAssertEqual(try connection.readResponse().body, expectedBody(count: index))
        }
        try connection.request("GET", "/json", close: true)
        XCTAssertEqual(try connection.readResponse().header("Connection"), "close")
        XCTAssertEqual(try connection.readToEnd(), [])
        XCTAssertEqual(server.requestLog.count, 21)
        XCTAssertEqual(server.requestLog[5].bodyBytes, 50)
        XCTAssertEqual(server.requestLog[5].method, "POST")
    }

    /// Pipelined requests in one write are answered in order.
    func testPipelinedRequests() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GET /bytes/3 HTTP/1.1\r\nHost: x\r\n\r\nGET /bytes/4?seed=2 HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(try connection.readResponse().body, expectedBody(count: 3))
        XCTAssertEqual(try connection.readResponse().body, expectedBody(seed: 2, count: 4))
    }

    func testChunkedRequestBodyAndExpectContinue() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
        let interim = try connection.readResponse()
        XCTAssertEqual(interim.status, 100)
        try connection.send("5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")
        let response = try connection.readResponse()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        XCTAssertEqual(object["body"] as? String, "hello world")
        XCTAssertEqual(server.requestLog.last?.bodyBytes, 11)
    }

    func testMalformedRequestGets400AndClose() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("NONSENSE\r\n\r\n")
        let response = try connection.readResponse()
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(try connection.readToEnd(), [])
    }

    func testRequestLogRecordsHeaders() throws {
        _ = try get("/bytes/1?a=b", headers: ["X-Custom: Value", "Range: bytes=0-0"])
        let entry = try XCTUnwrap(server.requestLog.first)
        XCTAssertEqual(entry.method, "GET")
        XCTAssertEqual(entry.target, "/bytes/1?a=b")
        XCTAssertEqual(entry.path, "/bytes/1")
        XCTAssertEqual(entry.header("x-custom"), "Value")
        XCTAssertEqual(entry.header("RANGE"), "bytes=0-0")
        server.resetStats()
        XCTAssertTrue(server.requestLog.isEmpty)
    }
}
