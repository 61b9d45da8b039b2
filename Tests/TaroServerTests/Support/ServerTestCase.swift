import Foundation
import XCTest
@testable import TaroServer

/// Starts a fresh server for every test and stops it afterwards, so tests
/// never share logs, resources or connections.
class ServerTestCase: XCTestCase {
    private(set) var server: TaroServer!

    override func setUpWithError() throws {
        try super.setUpWithError()
        server = try TaroServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    /// One request on a fresh connection (closed afterwards).
    func get(_ target: String, method: String = "GET", headers: [String] = []) throws -> RawHTTPResponse {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request(method, target, headers: headers, close: true)
        return try connection.readResponse(headRequest: method == "HEAD")
    }

    func expectedBody(seed: UInt64 = 1, offset: Int64 = 0, count: Int) -> [UInt8] {
        DeterministicBody.bytes(seed: seed, offset: offset, count: count)
    }

    /// Polls until `condition` holds or the timeout passes (server-side
    /// bookkeeping finishes a moment after the client sees the last byte).
    func eventually(timeout: TimeInterval = 3, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(5_000)
        }
        return condition()
    }
}
