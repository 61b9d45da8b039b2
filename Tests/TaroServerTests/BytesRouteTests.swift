import Foundation
import XCTest
@testable import TaroServer

final class BytesRouteTests: ServerTestCase {
    func testFullBodyIsDeterministicAndAdvertisesRanges() throws {
        let response = try get("/bytes/100000?seed=3")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Length"), "100000")
        XCTAssertEqual(response.header("Accept-Ranges"), "bytes")
        XCTAssertEqual(response.header("ETag"), "\"3-186a0\"")
        XCTAssertEqual(response.body, expectedBody(seed: 3, count: 100_000))
    }

    /// curl writes the body to disk; both our SHA-256 and coreutils agree
    /// with the digest the server promises.
    func testCurlDownloadMatchesDigest() throws {
        let directory = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("download.bin").path
        let size: Int64 = 8 << 20
        let result = try Shell.curl(["-o", path, server.url("/bytes/\(size)?seed=11")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = DeterministicBody.sha256Hex(seed: 11, size: size)
        XCTAssertEqual(try Shell.sha256sum(path), expected)
        XCTAssertEqual(try SHA256.hash(fileAt: path), expected)
    }

    func testHeadHasHeadersOnly() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("HEAD", "/bytes/5000")
        let head = try connection.readResponse(headRequest: true)
        XCTAssertEqual(head.header("Content-Length"), "5000")
        // The connection is still in sync: the next response follows directly.
        try connection.request("GET", "/bytes/10", close: true)
        let next = try connection.readResponse()
        XCTAssertEqual(next.body, expectedBody(count: 10))
    }

    func testSingleRanges() throws {
        let cases: [(range: String, first: Int64, last: Int64)] = [
            ("bytes=10-19", 10, 19), ("bytes=995-", 995, 999), ("bytes=-5", 995, 999),
            ("bytes=990-5000", 990, 999), ("bytes=-5000", 0, 999), ("bytes=7-7", 7, 7),
        ]
        for (range, first, last) in cases {
            let response = try get("/bytes/1000?seed=4", headers: ["Range: \(range)"])
            XCTAssertEqual(response.status, 206, range)
            XCTAssertEqual(response.header("Content-Range"), "bytes \(first)-\(last)/1000", range)
            XCTAssertEqual(response.header("Content-Length"), "\(last - first + 1)", range)
            XCTAssertEqual(response.body, expectedBody(seed: 4, offset: first, count: Int(last - first + 1)), range)
        }
    }

    func testUnsatisfiableAndIgnoredRanges() throws {
        for range in ["bytes=1000-", "bytes=5000-6000", "bytes=-0"] {
            let response = try get("/bytes/1000", headers: ["Range: \(range)"])
            XCTAssertEqual(response.status, 416, range)
            XCTAssertEqual(response.header("Content-Range"), "bytes */1000", range)
            XCTAssertTrue(response.body.isEmpty)
        }
        for range in ["bytes=0-1,5-6", "items=0-5", "bytes=9-3", "bytes=x-"] {
            let response = try get("/bytes/1000", headers: ["Range: \(range)"])
            XCTAssertEqual(response.status, 200, range)
            XCTAssertEqual(response.body.count, 1000, range)
        }
        let disabled = try get("/bytes/1000?ranges=0", headers: ["Range: bytes=0-9"])
        XCTAssertEqual(disabled.status, 200)
        XCTAssertNil(disabled.header("Accept-Ranges"))
        XCTAssertEqual(disabled.body.count, 1000)
    }

    func testIfRangeMatchAndMismatch() throws {
        let etag = try XCTUnwrap(get("/bytes/1000", method: "HEAD").header("ETag"))
        let matching = try get("/bytes/1000", headers: ["Range: bytes=100-", "If-Range: \(etag)"])
        XCTAssertEqual(matching.status, 206)
        XCTAssertEqual(matching.body, expectedBody(offset: 100, count: 900))

        let stale = try get("/bytes/1000", headers: ["Range: bytes=100-", "If-Range: \"other\""])
        XCTAssertEqual(stale.status, 200)
        XCTAssertEqual(stale.body, expectedBody(count: 1000))

        // Weak tags never satisfy If-Range.
        let weak = try get("/bytes/1000?weak=1", headers: ["Range: bytes=100-", "If-Range: W/\(etag)"])
        XCTAssertEqual(weak.header("ETag"), "W/\(etag)")
        XCTAssertEqual(weak.status, 200)

        // A Last-Modified date matches only exactly.
        let dated = try get("/bytes/1000?lastmod=1", method: "HEAD")
        let date = try XCTUnwrap(dated.header("Last-Modified"))
        XCTAssertEqual(date, "Tue, 02 Jan 2024 03:04:05 GMT")
        let byDate = try get("/bytes/1000?lastmod=1", headers: ["Range: bytes=0-9", "If-Range: \(date)"])
        XCTAssertEqual(byDate.status, 206)
        let otherDate = try get("/bytes/1000?lastmod=1", headers: ["Range: bytes=0-9", "If-Range: Wed, 03 Jan 2024 03:04:05 GMT"])
        XCTAssertEqual(otherDate.status, 200)
    }

    func testValidatorOptions() throws {
        XCTAssertEqual(try get("/bytes/10?etag=v7").header("ETag"), "\"v7\"")
        XCTAssertNil(try get("/bytes/10?noetag=1").header("ETag"))
        XCTAssertNil(try get("/bytes/10").header("Last-Modified"))
        XCTAssertEqual(try get("/bytes/10?lastmod=86400").header("Last-Modified"), "Fri, 02 Jan 1970 00:00:00 GMT")
    }

    func testChunkedBody() throws {
        let response = try get("/bytes/50000?chunked=1&chunk=1000&seed=8")
        XCTAssertEqual(response.header("Transfer-Encoding"), "chunked")
        XCTAssertNil(response.header("Content-Length"))
        XCTAssertFalse(response.truncated)
        XCTAssertEqual(response.body, expectedBody(seed: 8, count: 50000))
        // Chunked with a range: framing and range compose.
        let ranged = try get("/bytes/50000?chunked=1&chunk=999&seed=8", headers: ["Range: bytes=1234-"])
        XCTAssertEqual(ranged.status, 206)
        XCTAssertEqual(ranged.body, expectedBody(seed: 8, offset: 1234, count: 50000 - 1234))
    }

    func testNoLengthBodyEndsWithClose() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("GET", "/bytes/30000?nolength=1")
        let response = try connection.readResponse()
        XCTAssertNil(response.header("Content-Length"))
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(response.body, expectedBody(count: 30000))
        XCTAssertTrue(connection.peerClosed)
    }

    func testCloseAfterCutsTheBody() throws {
        let response = try get("/bytes/100000?closeAfter=1234")
        XCTAssertEqual(response.header("Content-Length"), "100000")
        XCTAssertTrue(response.truncated)
        XCTAssertEqual(response.body, expectedBody(count: 1234))
        // The same with a range: the cut counts bytes of this response.
        let ranged = try get("/bytes/100000?closeAfter=10", headers: ["Range: bytes=500-"])
        XCTAssertEqual(ranged.status, 206)
        XCTAssertEqual(ranged.body, expectedBody(offset: 500, count: 10))
    }

    func testStallAfterHoldsTheConnectionUntilTheClientLeaves() throws {
        let connection = try RawHTTPConnection(port: server.port, timeoutSeconds: 1)
        try connection.request("GET", "/bytes/100000?stallAfter=100")
        XCTAssertThrowsError(try connection.readResponse()) // times out waiting for the rest
        XCTAssertEqual(server.currentRequests, 1)
        XCTAssertEqual(server.openConnections, 1)
        shutdown(connection.socket, Int32(SHUT_RDWR))
        XCTAssertTrue(eventually { self.server.openConnections == 0 && self.server.currentRequests == 0 })
    }

    func testRateThrottlesSmoothly() throws {
        let start = Date()
        let response = try get("/bytes/20000?rate=40000")
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(response.body, expectedBody(count: 20000))
        XCTAssertGreaterThan(elapsed, 0.4)
        XCTAssertLessThan(elapsed, 1.5)
    }

    func testStatusAndDelayOptions() throws {
        let start = Date()
        let response = try get("/bytes/64?status=503&delay=200", headers: ["Range: bytes=0-9"])
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.19)
        XCTAssertEqual(response.status, 503)
        XCTAssertEqual(response.body, expectedBody(count: 64))
    }

    /// Header bytes from `h=`, `cl=`, `cl2=` and `dispo=` reach the client
    /// verbatim, control characters and all.
    func testHostileHeaderBytesArriveRaw() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("GET", "/bytes/4?h=X-Evil:%20a%1B%5B31mred%07&h=X-Cr:%20one%0Dtwo&dispo=attachment;%20filename=%22../../etc/passwd%22&cl=-5&cl2=99999999999999999999", close: true)
        let response = try connection.readResponse(headRequest: true)
        let lines = response.headerLines
        XCTAssertTrue(lines.contains(Array("X-Evil: a\u{1B}[31mred\u{07}".utf8)))
        XCTAssertTrue(lines.contains(Array("X-Cr: one\rtwo".utf8)))
        XCTAssertTrue(lines.contains(Array("Content-Disposition: attachment; filename=\"../../etc/passwd\"".utf8)))
        XCTAssertEqual(response.headers("Content-Length"), ["-5", "99999999999999999999"])
        XCTAssertEqual(try connection.readToEnd(), expectedBody(count: 4))
    }

    /// Named resources serve their own content and validators, and a
    /// replaced resource is what the next request gets.
    func testNamedResourceCanChangeAtRuntime() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        server.setResource("/file.bin", ServedResource(size: 5000, seed: 21, etag: "v1", lastModified: date))
        let first = try get("/file.bin")
        XCTAssertEqual(first.header("ETag"), "\"v1\"")
        XCTAssertEqual(first.header("Last-Modified"), "Tue, 14 Nov 2023 22:13:20 GMT")
        XCTAssertEqual(first.body, expectedBody(seed: 21, count: 5000))

        let resumed = try get("/file.bin", headers: ["Range: bytes=4000-", "If-Range: \"v1\""])
        XCTAssertEqual(resumed.status, 206)
        XCTAssertEqual(resumed.body, expectedBody(seed: 21, offset: 4000, count: 1000))

        server.setResource("/file.bin", ServedResource(size: 6000, seed: 22, etag: "v2"))
        let changed = try get("/file.bin", headers: ["Range: bytes=4000-", "If-Range: \"v1\""])
        XCTAssertEqual(changed.status, 200)
        XCTAssertEqual(changed.header("ETag"), "\"v2\"")
        XCTAssertEqual(changed.body, expectedBody(seed: 22, count: 6000))

        server.setResource("/weak.bin", ServedResource(size: 10, seed: 1, etag: "w", weakETag: true))
        XCTAssertEqual(try get("/weak.bin").header("ETag"), "W/\"w\"")
        server.setResource("/plain.bin", ServedResource(size: 10, seed: 1))
        XCTAssertEqual(try get("/plain.bin?noetag=1&closeAfter=3").body.count, 3)
    }
}
