import XCTest
import Foundation
import TaroNet
import TaroServer
@testable import TaroRPC

/// The methods that change the list, each against a real manager and a
/// loopback server: add (and its options), pause, unpause, remove, results.
final class Aria2QueueMethodsTests: RPCTestCase {
    func testAddUriDownloadsIntoTheDownloadDirectoryAndAnswersA16DigitGID() throws {
        let gid = call("aria2.addUri", [.string(server.url("/bytes/20000?seed=5"))])
        let text = try XCTUnwrap(gid.stringValue)
        XCTAssertEqual(text.count, 16)
        XCTAssertNotNil(UInt64(text, radix: 16))
        let done = waitForStatus(gid, "completion") { $0["status"] == "complete" }
        XCTAssertEqual(done["totalLength"], "20000")
        XCTAssertEqual(done["completedLength"], "20000")
        XCTAssertEqual(done["dir"]?.stringValue, DownloadRoots.resolve(downloads))
        let path = try XCTUnwrap(done["files"]?[0]?["path"]?.stringValue)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, 20000)
    }

    func testAddUriHonoursOutAndDirInsideTheDownloadDirectoryAndHeaders() throws {
        try FileManager.default.createDirectory(atPath: downloads + "/sub", withIntermediateDirectories: false)
        let gid = call("aria2.addUri", [.string(server.url("/echo"))],
                       ["dir": "sub", "out": "named.json", "header": ["X-Taro-Test: yes"]])
        let done = waitForStatus(gid, "completion") { $0["status"] == "complete" }
        let path = try XCTUnwrap(done["files"]?[0]?["path"]?.stringValue)
        XCTAssertEqual(path, DownloadRoots.resolve(downloads)! + "/sub/named.json")
        let body = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(body.lowercased().contains("x-taro-test"), body)
    }

    /// aria2's `checksum=sha-256=HEX` is checked before the file gets its
    /// name; `max-download-limit` becomes the transfer's own cap.
    func testAddUriChecksAChecksumAndSetsItsOwnSpeedCap() throws {
        let hex = DeterministicBody.sha256Hex(seed: 9, size: 30000)
        let good = call("aria2.addUri", [.string(server.url("/bytes/30000?seed=9"))],
                        ["out": "good.bin", "checksum": .string("sha-256=" + hex), "max-download-limit": "10M"])
        waitForStatus(good, "the verified file") { $0["status"] == "complete" }
        let wrong = String(repeating: "0", count: 64)
        let bad = call("aria2.addUri", [.string(server.url("/bytes/30000?seed=9"))],
                       ["out": "bad.bin", "checksum": .string("sha-256=" + wrong)])
        let failed = waitForStatus(bad, "the mismatch") { $0["status"] == "error" }
        XCTAssertTrue(failed["errorMessage"]?.stringValue?.contains("checksum") ?? false, "\(failed)")
        let names = try FileManager.default.contentsOfDirectory(atPath: downloads).sorted()
        XCTAssertEqual(names, ["bad.bin.part", "good.bin"], "only a verified file gets its name")
        let capped = call("aria2.addUri", [.string(server.url("/bytes/100000000?rate=100000"))],
                          ["out": "capped.bin", "max-download-limit": "256K"])
        let id = try XCTUnwrap(UInt64(capped.stringValue ?? "", radix: 16))
        XCTAssertEqual(manager.snapshot(of: id)?.rateLimit, 256 * 1024)
        call("aria2.forceRemove", capped)
        XCTAssertTrue(error("aria2.addUri", [.string(server.url("/bytes/10"))], ["max-download-limit": "fast"])
            .contains("bytes per second"))
    }

    func testDirOutsideTheDownloadDirectoryIsRefusedAndAddsNothing() throws {
        try FileManager.default.createDirectory(atPath: scratch + "/elsewhere", withIntermediateDirectories: false)
        symlink(scratch + "/elsewhere", downloads + "/link")
        for dir in ["/tmp", scratch + "/elsewhere", "../elsewhere", "link", downloads + "/../elsewhere"] {
            let message = error("aria2.addUri", [.string(server.url("/bytes/10"))], ["dir": .string(dir)])
            XCTAssertTrue(message.contains("outside the download directory"), "\(dir): \(message)")
        }
        XCTAssertTrue(error("aria2.addUri", [.string(server.url("/bytes/10"))], ["out": "../x"]).contains("plain file name"))
        // A name the file would not get is refused too, saying which it would get: the client must know where it is.
        for (out, safe) in [(".bashrc", "_bashrc"), ("a\\b.bin", "b.bin"), ("x\u{202E}y.bin", "x_y.bin")] {
            XCTAssertEqual(error("aria2.addUri", [.string(server.url("/bytes/10"))], ["out": .string(out)]),
                           "out \(out) is not a safe file name: it would be saved as \(safe)", out)
        }
        XCTAssertTrue(error("aria2.addUri", [.string(server.url("/bytes/10"))], ["header": ["A: b\r\nC: d"]])
            .contains("control character"))
        XCTAssertTrue(error("aria2.addUri", [.string(server.url("/bytes/10"))], ["checksum": "sha-256=00"])
            .contains("checksum"))
        XCTAssertTrue(error("aria2.addUri", ["file:///etc/passwd"]).contains("http"))
        XCTAssertEqual(error("aria2.addUri", "not-a-list"), "The parameter at 0 has wrong type.")
        XCTAssertEqual(error("aria2.addUri"), "The parameter at 0 has wrong type.")
        XCTAssertEqual(error("aria2.addUri", []), "No URI to download.")
        XCTAssertEqual(manager.snapshot().items.count, 0)
    }

    func testPauseUnpauseAndRemoveAWaitingDownload() {
        call("aria2.changeGlobalOption", ["max-concurrent-downloads": "1"])
        let running = call("aria2.addUri", [.string(server.url("/bytes/100000000?rate=100000"))])
        let waiting = call("aria2.addUri", [.string(server.url("/bytes/10"))])
        XCTAssertEqual(status(waiting), "waiting")
        XCTAssertEqual(call("aria2.pause", waiting), waiting)
        waitForStatus(waiting, "pause") { $0["status"] == "paused" }
        XCTAssertTrue(error("aria2.pause", waiting).contains("cannot be paused now"))
        XCTAssertEqual(call("aria2.unpause", waiting), waiting)
        waitForStatus(waiting, "unpause") { $0["status"] == "waiting" }
        XCTAssertTrue(error("aria2.unpause", waiting).contains("cannot be unpaused now"))
        // Removed while still waiting (the running one holds the only slot).
        XCTAssertEqual(call("aria2.forceRemove", waiting), waiting)
        XCTAssertEqual(status(waiting), "removed")
        XCTAssertEqual(call("aria2.forcePause", running), running)
        waitForStatus(running, "pause of the running one") { $0["status"] == "paused" }
        XCTAssertEqual(call("aria2.remove", running), running)
        XCTAssertEqual(status(running), "removed")
        XCTAssertTrue(error("aria2.remove", running).contains("Active Download not found"))
        XCTAssertEqual(call("aria2.removeDownloadResult", running), "OK")
        XCTAssertEqual(error("aria2.tellStatus", running), "GID \(running.stringValue!) is not found")
    }

    func testPauseAllAndUnpauseAllActOnEveryUnfinishedRow() {
        let gids = (0..<3).map { _ in call("aria2.addUri", [.string(server.url("/bytes/100000000?rate=100000"))]) }
        XCTAssertEqual(call("aria2.pauseAll"), "OK")
        for gid in gids { waitForStatus(gid, "pause") { $0["status"] == "paused" } }
        XCTAssertEqual(call("aria2.forcePauseAll"), "OK")
        XCTAssertEqual(call("aria2.unpauseAll"), "OK")
        for gid in gids { waitForStatus(gid, "resume") { $0["status"] == "active" || $0["status"] == "waiting" } }
        for gid in gids { call("aria2.remove", gid) }
    }

    func testResultsAreRemovedOneByOneOrPurgedAndOnlyWhenStopped() {
        let active = call("aria2.addUri", [.string(server.url("/bytes/100000000?rate=100000"))])
        waitForStatus(active, "start") { $0["status"] == "active" }
        XCTAssertTrue(error("aria2.removeDownloadResult", active).contains("Could not remove download result"))
        let finished = (0..<2).map { _ in call("aria2.addUri", [.string(server.url("/bytes/100"))]) }
        for gid in finished { waitForStatus(gid, "completion") { $0["status"] == "complete" } }
        XCTAssertEqual(call("aria2.removeDownloadResult", finished[0]), "OK")
        XCTAssertEqual(call("aria2.purgeDownloadResult"), "OK")
        XCTAssertEqual(call("aria2.tellStopped", 0, 10), [])
        XCTAssertEqual(status(active), "active")
        call("aria2.remove", active)
    }

    func testChangePositionMovesAWaitingRowInTheListAndInTheOrderTheyStart() {
        call("aria2.changeGlobalOption", ["max-concurrent-downloads": "1"])
        let running = call("aria2.addUri", [.string(server.url("/bytes/100000000?rate=100000"))])
        waitForStatus(running, "start") { $0["status"] == "active" }
        let waiting = (0..<4).map { call("aria2.addUri", [.string(server.url("/bytes/\(10 + $0)"))]) }
        func order() -> JSONValue { call("aria2.tellWaiting", 0, 10, ["gid"]) }
        let seen = manager.changes(since: 0).version
        XCTAssertEqual(call("aria2.changePosition", waiting[3], 0, "POS_SET"), 0)
        // A reader (the screen) gets the whole list again, in the new order.
        let changes = manager.changes(since: seen)
        XCTAssertTrue(changes.isFull)
        XCTAssertEqual(changes.changed.map(\.id).dropFirst().map { JSONValue.string(GID.format($0)) },
                       [waiting[3], waiting[0], waiting[1], waiting[2]])
        XCTAssertEqual(order(), .array([waiting[3], waiting[0], waiting[1], waiting[2]].map { ["gid": $0] }))
        XCTAssertEqual(call("aria2.changePosition", waiting[3], 2, "POS_CUR"), 2)
        XCTAssertEqual(call("aria2.changePosition", waiting[1], 0, "POS_END"), 3)
        XCTAssertEqual(call("aria2.changePosition", waiting[2], -99, "POS_CUR"), 0)
        var expected = [waiting[2], waiting[0], waiting[3], waiting[1]]
        XCTAssertEqual(order(), .array(expected.map { ["gid": $0] }))
        // addUri's position puts a new one there at once.
        let inserted = call("aria2.addUri", [.string(server.url("/bytes/20"))], [:], 1)
        expected.insert(inserted, at: 1)
        XCTAssertEqual(order(), .array(expected.map { ["gid": $0] }))
        XCTAssertEqual(error("aria2.addUri", [.string(server.url("/bytes/20"))], [:], -1), "The parameter at 2 has wrong type.")
        XCTAssertEqual(error("aria2.changePosition", waiting[0], 0, "POS_NOWHERE"), "The parameter at 2 has wrong type.")
        XCTAssertTrue(error("aria2.changePosition", running, 0, "POS_SET").contains("not found in the waiting queue"))
        // One slot: they start, and finish, in the new order.
        call("aria2.remove", running)
        for gid in expected { waitForStatus(gid, "completion") { $0["status"] == "complete" } }
        let starts = expected.map { manager.snapshot(of: GID.parse($0.stringValue!)!)?.startedAt ?? .distantFuture }
        XCTAssertEqual(starts, starts.sorted(), "started out of the new order: \(starts.map(\.timeIntervalSince1970))")
    }

    /// An offset near Int's ends, from POS_CUR or POS_END, moves to the
    /// nearest end of the queue; the sum must not trap the whole program.
    func testChangePositionWithAnOffsetAtIntsEndsMovesToTheEnd() {
        call("aria2.changeGlobalOption", ["max-concurrent-downloads": "1"])
        let running = call("aria2.addUri", [.string(server.url("/bytes/100000000?rate=100000"))])
        waitForStatus(running, "start") { $0["status"] == "active" }
        let waiting = (0..<3).map { call("aria2.addUri", [.string(server.url("/bytes/\(10 + $0)"))]) }
        XCTAssertEqual(call("aria2.changePosition", waiting[1], .string(String(Int.max)), "POS_CUR"), 2)
        XCTAssertEqual(call("aria2.changePosition", waiting[0], .string(String(Int.max)), "POS_END"), 2)
        XCTAssertEqual(call("aria2.changePosition", waiting[0], .string(String(Int.min)), "POS_CUR"), 0)
        XCTAssertEqual(call("aria2.changePosition", waiting[2], .string(String(Int.min)), "POS_END"), 0)
        call("aria2.remove", running)
    }
}
