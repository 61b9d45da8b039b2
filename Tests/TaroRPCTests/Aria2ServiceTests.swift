import XCTest
import Foundation
import TaroNet
@testable import TaroRPC

/// What every call goes through: the secret, unknown and unsupported
/// methods, batches and system.multicall, and the status codes.
final class Aria2ServiceTests: RPCTestCase {
    func testAWrongOrMissingSecretIsUnauthorizedAndChangesNothing() {
        for token: String? in ["token:wrong", "token:" + Self.secret + "x", "token:", nil, Self.secret] {
            let response = raw("aria2.addUri", [[.string(server.url("/bytes/10"))]], token: token)
            XCTAssertEqual(response["error"]?["message"], "Unauthorized", "\(token ?? "none")")
            XCTAssertEqual(response["error"]?["code"], 1)
        }
        XCTAssertEqual(manager.snapshot().items.count, 0)
    }

    func testTheSecretComparisonNeedsEveryByte() {
        let secret = RPCSecret("abc")
        XCTAssertTrue(secret.matches("abc"))
        for guess in ["abd", "ab", "abcd", "", "ABC"] { XCTAssertFalse(secret.matches(guess), guess) }
        XCTAssertFalse(RPCSecret("").matches(""))
        let generated = RPCSecret.generate().text
        XCTAssertEqual(generated.count, 64)
        XCTAssertNotEqual(generated, RPCSecret.generate().text)
    }

    func testUnknownAndUnsupportedMethods() {
        XCTAssertEqual(error("aria2.nope"), "No such method: aria2.nope")
        for method in ["aria2.addTorrent", "aria2.addMetalink", "aria2.getPeers"] {
            XCTAssertTrue(error(method, "AAAA").contains("support is disabled in this build"), method)
        }
    }

    func testListMethodsNeedsNoSecretAndNamesEveryMethodOfTheTable() {
        let response = raw("system.listMethods", [], token: nil)
        guard case .array(let names)? = response["result"] else { return XCTFail(response.serialized) }
        let listed = Set(names.compactMap(\.stringValue))
        XCTAssertEqual(listed, Set(Aria2Methods.table.keys).union(["system.multicall"]))
        XCTAssertEqual(raw("system.listNotifications", [], token: nil)["result"], [])
    }

    func testMulticallAnswersEachCallInAListOrAsAnError() {
        let calls: JSONValue = [
            ["methodName": "aria2.getGlobalStat", "params": .array([.string("token:" + Self.secret)])],
            ["methodName": "aria2.pause", "params": .array([.string("token:" + Self.secret), "zz"])],
            ["methodName": "aria2.getVersion", "params": ["token:wrong"]],
            ["methodName": "system.multicall", "params": [[]]],
        ]
        let response = raw("system.multicall", [calls], token: nil)
        guard case .array(let results)? = response["result"] else { return XCTFail(response.serialized) }
        XCTAssertEqual(results.count, 4)
        XCTAssertEqual(results[0][0]?["numActive"], "0")
        XCTAssertEqual(results[1]["message"], "Invalid GID zz")
        XCTAssertEqual(results[2]["message"], "Unauthorized")
        XCTAssertNotNil(results[3]["message"])
    }

    func testStatusCodesFollowAria2() {
        let ok = service.respond(to: Array(#"{"id":1,"method":"system.listMethods"}"#.utf8))
        XCTAssertEqual(ok.status, 200)
        XCTAssertFalse(ok.authenticated)
        let refused = service.respond(to: Array(#"{"id":1,"method":"aria2.getVersion","params":["token:x"]}"#.utf8))
        XCTAssertEqual(refused.status, 400)
        let parse = service.respond(to: Array("{bad".utf8))
        XCTAssertEqual(parse.status, 500)
        XCTAssertEqual(JSONValue.parse(parse.body)?["error"]?["code"], -32700)
        XCTAssertEqual(JSONValue.parse(parse.body)?["id"], .null)
        let batch = service.respond(to: Array(#"[{"id":1,"method":"aria2.getVersion","params":["token:s3cret"]},{"id":2}]"#.utf8))
        XCTAssertEqual(batch.status, 200)
        XCTAssertTrue(batch.authenticated)
        let answers = JSONValue.parse(batch.body)
        XCTAssertEqual(answers?[0]?["id"], 1)
        XCTAssertEqual(answers?[1]?["error"]?["code"], -32600)
    }

    func testGIDsAreSixteenHexDigitsBothWays() {
        XCTAssertEqual(GID.format(0x2a), "000000000000002a")
        XCTAssertEqual(GID.parse("000000000000002A"), 0x2a)
        for bad in ["2a", "000000000000002g", "0000000000000002a", "+00000000000002a", ""] {
            XCTAssertNil(GID.parse(bad), bad)
        }
    }
}
