import XCTest
import Foundation
import TaroNet
import TaroServer
@testable import TaroRPC

/// A real manager (no state directory) over a loopback TaroServer, a
/// scratch download directory and the service in front of them. Calls go
/// through `respond(to:)` as bytes, exactly as the listener passes them.
class RPCTestCase: XCTestCase {
    static let secret = "s3cret"
    private(set) var server: TaroServer!
    private(set) var manager: TransferManager!
    private(set) var service: Aria2Service!
    private(set) var downloads = ""
    private(set) var scratch = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        scratch = NSTemporaryDirectory() + "taro-rpc-" + UUID().uuidString
        downloads = scratch + "/downloads"
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        server = try TaroServer()
        manager = TransferManager(limit: 4)
        service = Aria2Service(manager: manager, secret: RPCSecret(Self.secret),
                               roots: DownloadRoots(downloadDirectory: downloads))
    }

    override func tearDown() {
        manager?.shutdown()
        server?.stop()
        if !scratch.isEmpty { try? FileManager.default.removeItem(atPath: scratch) }
        super.tearDown()
    }

    /// The whole response object for one call with the right token.
    func raw(_ method: String, _ params: [JSONValue], token: String? = "token:" + secret) -> JSONValue {
        let all = token.map { [JSONValue.string($0)] + params } ?? params
        let body = JSONValue.object(["jsonrpc": "2.0", "id": "t", "method": .string(method), "params": .array(all)])
        return JSONValue.parse(service.respond(to: Array(body.serialized.utf8)).body) ?? .null
    }

    /// The result of a call; fails the test when it is an error.
    @discardableResult
    func call(_ method: String, _ params: JSONValue..., file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
        let response = raw(method, params)
        guard let result = response["result"] else {
            XCTFail("\(method) failed: \(response.serialized)", file: file, line: line)
            return .null
        }
        return result
    }

    /// The error message of a call that must fail.
    func error(_ method: String, _ params: JSONValue..., file: StaticString = #filePath, line: UInt = #line) -> String {
        let response = raw(method, params)
        guard let message = response["error"]?["message"]?.stringValue else {
            XCTFail("\(method) did not fail: \(response.serialized)", file: file, line: line)
            return ""
        }
        XCTAssertEqual(response["id"], "t", file: file, line: line)
        return message
    }

    /// Polls the status of `gid` until `condition` holds (20 s at most).
    @discardableResult
    func waitForStatus(_ gid: JSONValue, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                       until condition: (JSONValue) -> Bool) -> JSONValue {
        let end = ContinuousClock.now + .seconds(20)
        var last = JSONValue.null
        while ContinuousClock.now < end {
            last = raw("aria2.tellStatus", [gid])["result"] ?? .null
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTFail("no \(what): \(last.serialized)", file: file, line: line)
        return last
    }

    func status(_ gid: JSONValue) -> String? { raw("aria2.tellStatus", [gid, ["status"]])["result"]?["status"]?.stringValue }
}
