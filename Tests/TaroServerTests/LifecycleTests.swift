import Foundation
import XCTest
@testable import TaroServer

final class LifecycleTests: XCTestCase {
    func testBindsAnEphemeralPortAndBuildsURLs() throws {
        let server = try TaroServer()
        defer { server.stop() }
        XCTAssertNotEqual(server.port, 0)
        XCTAssertEqual(server.baseURL, "http://127.0.0.1:\(server.port)")
        XCTAssertEqual(server.url("/bytes/1?x=y"), "http://127.0.0.1:\(server.port)/bytes/1?x=y")
        XCTAssertThrowsError(try TaroServer(port: server.port)) // already taken
        XCTAssertThrowsError(try TaroServer(host: "not-an-address"))
    }

    /// 20 slow requests on 20 connections are all in flight at once.
    func testPeakConcurrentRequests() throws {
        let server = try TaroServer()
        defer { server.stop() }
        let connections = try (0..<20).map { _ in try RawHTTPConnection(port: server.port) }
        for connection in connections {
            try connection.request("GET", "/bytes/100?delay=400", close: true)
        }
        for connection in connections {
            XCTAssertEqual(try connection.readResponse().body.count, 100)
        }
        XCTAssertEqual(server.peakConcurrentRequests, 20)
        let idle = Date().addingTimeInterval(2)
        while server.currentRequests > 0, Date() < idle { usleep(5_000) }
        XCTAssertEqual(server.currentRequests, 0)
        server.resetStats()
        XCTAssertEqual(server.peakConcurrentRequests, 0)
    }

    /// stop() with idle, stalled, sleeping, throttled and half-sent
    /// connections returns promptly and every client sees the close.
    func testStopWithOpenConnectionsIsPrompt() throws {
        let server = try TaroServer()
        let targets = ["/bytes/10000000?stallAfter=100", "/bytes/100?delay=30000", "/bytes/10000000?rate=1000",
                       "/slowheaders?delay=30000", "/chunks?count=100&interval=1000", "/bytes/1000000000"]
        var connections = try targets.map { target -> RawHTTPConnection in
            let connection = try RawHTTPConnection(port: server.port, timeoutSeconds: 5)
            try connection.request("GET", target)
            return connection
        }
        connections.append(try RawHTTPConnection(port: server.port, timeoutSeconds: 5)) // idle
        let partialUpload = try RawHTTPConnection(port: server.port, timeoutSeconds: 5)
        try partialUpload.send("PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\npartial")
        connections.append(partialUpload)
        usleep(200_000)
        XCTAssertEqual(server.openConnections, connections.count)

        let start = Date()
        server.stop()
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
        XCTAssertEqual(server.openConnections, 0)
        for connection in connections {
            XCTAssertNoThrow(try connection.waitForClose())
        }
        server.stop() // idempotent
        XCTAssertThrowsError(try RawHTTPConnection(port: server.port))
    }

    /// Many servers started and stopped in a row leak nothing that stops the next.
    func testManyServersStartAndStop() throws {
        for index in 0..<50 {
            let server = try TaroServer()
            if index % 5 == 0 {
                let connection = try RawHTTPConnection(port: server.port)
                try connection.request("GET", "/bytes/10")
                XCTAssertEqual(try connection.readResponse().body.count, 10)
            }
            server.stop()
        }
    }

    /// Dropping the last reference stops the server.
    func testDeinitStops() throws {
        var server: TaroServer? = try TaroServer()
        let port = try XCTUnwrap(server?.port)
        let connection = try RawHTTPConnection(port: port, timeoutSeconds: 5)
        try connection.request("GET", "/bytes/100?delay=30000")
        usleep(50_000)
        server = nil
        XCTAssertNoThrow(try connection.waitForClose())
        XCTAssertThrowsError(try RawHTTPConnection(port: port))
    }

    /// Hundreds of connections at once, each served.
    func testHundredsOfConcurrentConnections() throws {
        let server = try TaroServer()
        defer { server.stop() }
        let connections = try (0..<300).map { _ in try RawHTTPConnection(port: server.port) }
        for (index, connection) in connections.enumerated() {
            try connection.request("GET", "/bytes/\(index)?delay=500", close: true)
        }
        for (index, connection) in connections.enumerated() {
            XCTAssertEqual(try connection.readResponse().body, DeterministicBody.bytes(seed: 1, count: index))
        }
        XCTAssertGreaterThan(server.peakConcurrentRequests, 100)
    }
}
