import XCTest
import Foundation
import TaroNet
@testable import TaroRPC

/// The methods that read: statuses with and without keys, the three lists
/// and their windows, files, URIs, servers, options, totals, version; and
/// uploads listed like downloads, their files saying so.
final class Aria2StatusMethodsTests: RPCTestCase {
    func testTellStatusAnswersNumbersAsStringsAndOnlyTheKeysAsked() throws {
        let gid = call("aria2.addUri", [.string(server.url("/bytes/4096"))])
        let done = waitForStatus(gid, "completion") { $0["status"] == "complete" }
        for key in ["totalLength", "completedLength", "uploadLength", "downloadSpeed", "uploadSpeed", "connections"] {
            XCTAssertNotNil(done[key]?.stringValue, key)
        }
        XCTAssertEqual(done["errorCode"], "0")
        let some = call("aria2.tellStatus", gid, ["gid", "status"])
        XCTAssertEqual(some, ["gid": gid, "status": "complete"])
        XCTAssertEqual(error("aria2.tellStatus", "xyz"), "Invalid GID xyz")
        XCTAssertEqual(error("aria2.tellStatus", "00000000000000ff"), "GID 00000000000000ff is not found")
        XCTAssertEqual(error("aria2.tellStatus", 5), "The parameter at 0 has wrong type.")
    }

    func testAFailedDownloadIsAnErrorWithItsMessage() {
        let gid = call("aria2.addUri", [.string(server.url("/bytes/10?closeAfter=2"))])
        let failed = waitForStatus(gid, "failure") { $0["status"] == "error" || $0["status"] == "complete" }
        if failed["status"] == "error" {
            XCTAssertNotEqual(failed["errorCode"], "0")
            XCTAssertNotEqual(failed["errorMessage"], "")
        }
    }

    func testActiveWaitingAndStoppedListsAndTheirWindows() {
        call("aria2.changeGlobalOption", ["max-concurrent-downloads": "1"])
        let active = call("aria2.addUri", [.string(server.url("/bytes/100000000?rate=100000"))])
        waitForStatus(active, "start") { $0["status"] == "active" }
        let waiting = (0..<3).map { _ in call("aria2.addUri", [.string(server.url("/bytes/10"))]) }
        XCTAssertEqual(call("aria2.tellActive", ["gid"]), [["gid": active]])
        XCTAssertEqual(call("aria2.tellWaiting", 0, 10, ["gid"]), .array(waiting.map { ["gid": $0] }))
        XCTAssertEqual(call("aria2.tellWaiting", 1, 1, ["gid"]), [["gid": waiting[1]]])
        // A negative offset counts from the end, in reverse order.
        XCTAssertEqual(call("aria2.tellWaiting", -1, 2, ["gid"]), [["gid": waiting[2]], ["gid": waiting[1]]])
        XCTAssertEqual(call("aria2.tellWaiting", 5, 2), [])
        XCTAssertEqual(call("aria2.tellStopped", 0, 10), [])
        XCTAssertEqual(error("aria2.tellWaiting", 0, -1), "The parameter at 1 has wrong type.")
        call("aria2.remove", active)
        // The waiting ones start at once and may already be done: the removed one comes first.
        XCTAssertEqual(call("aria2.tellStopped", 0, 1, ["gid", "status"]).serialized,
                       JSONValue.array([["gid": active, "status": "removed"]]).serialized)
        for gid in waiting { waitForStatus(gid, "completion") { $0["status"] == "complete" } }
        XCTAssertEqual(call("aria2.tellStopped", 0, 10, ["gid"]), .array(([active] + waiting).map { ["gid": $0] }))
    }

    func testFilesUrisServersAndOptionsOfADownload() throws {
        let url = server.url("/bytes/100000000?rate=100000")
        let gid = call("aria2.addUri", [.string(url)], ["out": "big.bin"])
        waitForStatus(gid, "start") { $0["status"] == "active" }
        let files = call("aria2.getFiles", gid)
        XCTAssertEqual(files[0]?["index"], "1")
        XCTAssertEqual(files[0]?["selected"], "true")
        XCTAssertEqual(files[0]?["kind"], "download")
        XCTAssertEqual(files[0]?["path"]?.stringValue, DownloadRoots.resolve(downloads)! + "/big.bin")
        XCTAssertEqual(call("aria2.getUris", gid), [["uri": .string(url), "status": "used"]])
        XCTAssertEqual(call("aria2.getServers", gid)[0]?["servers"]?[0]?["uri"], .string(url))
        XCTAssertEqual(call("aria2.getOption", gid)["out"], "big.bin")
        XCTAssertEqual(call("aria2.changeOption", gid, ["split": "4"]), "OK")
        XCTAssertTrue(error("aria2.changeOption", gid, ["dir": "/tmp"]).contains("cannot be changed"))
        XCTAssertEqual(call("aria2.changeOption", gid, ["max-download-limit": "64K"]), "OK")
        XCTAssertEqual(manager.snapshot(of: try XCTUnwrap(UInt64(gid.stringValue ?? "", radix: 16)))?.rateLimit, 65536,
                       "the transfer's own cap, live")
        XCTAssertTrue(error("aria2.changeOption", gid, ["max-download-limit": "1X"]).contains("bytes per second"))
        XCTAssertTrue(error("aria2.changeOption", gid, ["checksum": "md5=00"]).contains("cannot be changed"))
        call("aria2.remove", gid)
        XCTAssertTrue(error("aria2.getServers", gid).contains("No active download"))
    }

    func testUploadsAreListedAsEntriesWhoseFilesSaySo() throws {
        let file = scratch + "/up.bin"
        try Data(repeating: 7, count: 5000).write(to: URL(fileURLWithPath: file))
        let id = manager.addUpload(filePath: file, url: server.url("/upload"))
        let gid = JSONValue.string(GID.format(id))
        let done = waitForStatus(gid, "upload") { $0["status"] == "complete" }
        XCTAssertEqual(done["files"]?[0]?["kind"], "upload")
        XCTAssertEqual(done["files"]?[0]?["path"]?.stringValue, file)
        XCTAssertEqual(done["uploadLength"], done["completedLength"])
        XCTAssertEqual(call("aria2.tellStopped", 0, 1, ["gid"]), [["gid": gid]])
    }

    func testGlobalOptionsStatsVersionAndSession() {
        XCTAssertEqual(call("aria2.getGlobalOption")["max-concurrent-downloads"], "4")
        XCTAssertEqual(call("aria2.changeGlobalOption", ["max-concurrent-downloads": "7"]), "OK")
        XCTAssertEqual(manager.concurrencyLimit, 7)
        XCTAssertEqual(call("aria2.getGlobalOption")["max-concurrent-downloads"], "7")
        XCTAssertTrue(error("aria2.changeGlobalOption", ["max-concurrent-downloads": "0"]).contains("1 to 256"))
        XCTAssertEqual(call("aria2.changeGlobalOption", ["max-overall-download-limit": "0"]), "OK")
        XCTAssertEqual(call("aria2.changeGlobalOption", ["max-overall-download-limit": "1M",
                                                         "max-overall-upload-limit": "512K"]), "OK")
        XCTAssertEqual(manager.rateLimits, RateLimits(download: 1 << 20, upload: 512 << 10))
        XCTAssertEqual(call("aria2.getGlobalOption")["max-overall-download-limit"], "1048576")
        XCTAssertTrue(error("aria2.changeGlobalOption", ["max-overall-download-limit": "2M",
                                                         "max-overall-upload-limit": "-1"]).contains("bytes per second"))
        XCTAssertEqual(manager.rateLimits, RateLimits(download: 1 << 20, upload: 512 << 10), "a bad call changes nothing")
        XCTAssertEqual(call("aria2.changeGlobalOption", ["max-overall-download-limit": "0", "max-overall-upload-limit": "0"]), "OK")
        let gid = call("aria2.addUri", [.string(server.url("/bytes/10"))])
        waitForStatus(gid, "completion") { $0["status"] == "complete" }
        let stat = call("aria2.getGlobalStat")
        XCTAssertEqual(stat["numStopped"], "1")
        XCTAssertEqual(stat["numActive"], "0")
        XCTAssertEqual(stat["numWaiting"], "0")
        XCTAssertEqual(stat["downloadSpeed"]?.stringValue.flatMap { Int($0) } != nil, true)
        XCTAssertEqual(call("aria2.getVersion")["version"], .string(TaroVersion.string))
        XCTAssertEqual(call("aria2.getSessionInfo")["sessionId"]?.stringValue?.count, 40)
    }
}
