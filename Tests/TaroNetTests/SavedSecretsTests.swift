import Foundation
@testable import TaroNet
import TaroServer
import XCTest

/// The state directory never holds credentials in plain text: a secret
/// header (a pasted browser command's Authorization and Cookie) and a URL's
/// user:password are left out of the saved record, which names what it
/// left out. The next launch brings the row back paused and says why; a
/// rerun that gives the credentials again continues from the .part.
final class SavedSecretsTests: LoopbackTestCase {
    private let secrets = ["Bearer t0ken-s3cret", "sid=c00kie-s3cret", "hunter2-s3cret"]

    /// "http://me:hunter2-s3cret@127.0.0.1:PORT/…"
    private func urlWithUserinfo(_ path: String) -> String {
        server.url(path).replacingOccurrences(of: "http://", with: "http://me:\(secrets[2])@")
    }

    /// Every byte the state directory holds, every file in it.
    private func stateBytes(_ directory: String) throws -> String {
        var all = ""
        let files = FileManager.default.enumerator(atPath: directory)
        while let name = files?.nextObject() as? String {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                all += String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            }
        }
        return all
    }

    private func waitForBytes(_ manager: TransferManager, _ bytes: Int64) {
        let deadline = Date().addingTimeInterval(30)
        while (manager.snapshot().items.first?.bytesDone ?? 0) < bytes && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func testCredentialsAreNotSavedAndTheRestoredRowWaitsAndSaysWhy() throws {
        let state = dir.file("state")
        let url = urlWithUserinfo("/bytes/8000000?seed=5&rate=400000")
        do {
            let manager = try TransferManager(options: ManagerOptions(limit: 2, stateDirectory: state))
            manager.addDownload(url: url, path: dir.file("big"),
                                headers: ["Authorization": secrets[0], "Cookie": secrets[1], "X-Trace": "kept-value"])
            waitForBytes(manager, 400_000)
            manager.shutdown()
        }
        XCTAssertTrue(server.requestLog.first?.headers.contains { $0.name.lowercased() == "cookie" && $0.value == secrets[1] } ?? false,
                      "the first run sent the cookie")
        let saved = try stateBytes(state)
        XCTAssertTrue(saved.contains("kept-value"), "the record was written, with its other headers")
        for secret in secrets {
            XCTAssertFalse(saved.contains(secret), "\(secret) is in the state directory")
        }
        let record = try XCTUnwrap(try TransferStore(directory: state).load().first)
        XCTAssertEqual(record.withheld, [TransferRequest.userinfoName, "Authorization", "Cookie"])
        XCTAssertEqual(record.request.url, server.url("/bytes/8000000?seed=5&rate=400000"))

        let sent = server.requestLog.count
        let manager = try TransferManager(options: ManagerOptions(limit: 2, stateDirectory: state))
        defer { manager.shutdown() }
        manager.restoreSaved()
        let row = try XCTUnwrap(manager.snapshot().items.first)
        XCTAssertEqual(row.state, .paused, "without its credentials it waits for the user")
        let note = try XCTUnwrap(row.errorMessage)
        for name in ["Authorization", "Cookie", "user:password"] {
            XCTAssertTrue(note.contains(name), "the row says \(name) was not kept: \(note)")
        }
        XCTAssertGreaterThan(row.bytesDone, 0, "its .part is still counted")
        // Held from the start: not one request without its credentials.
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(manager.snapshot().items.first?.state, .paused)
        XCTAssertEqual(server.requestLog.count, sent, "a row restored paused sends nothing")
    }

    func testARerunWithTheCredentialsContinuesTheRecord() throws {
        let state = dir.file("state")
        let url = urlWithUserinfo("/bytes/4000000?seed=6&rate=400000")
        let path = dir.file("file")
        var onDisk: Int64 = 0
        do {
            let manager = try TransferManager(options: ManagerOptions(limit: 2, stateDirectory: state))
            manager.addDownload(url: url, path: path, headers: ["Authorization": secrets[0]])
            waitForBytes(manager, 400_000)
            manager.shutdown()
        }
        onDisk = try XCTUnwrap(try TransferStore(directory: state).load().first?.resume?.bytesOnDisk)
        let before = server.requestLog.count
        let manager = try TransferManager(options: ManagerOptions(limit: 2, stateDirectory: state))
        defer { manager.shutdown() }
        // As `get` does: the same URL and file, the credentials given again.
        manager.addDownload(url: url, path: path, headers: ["Authorization": secrets[0]])
        let deadline = Date().addingTimeInterval(60)
        while manager.totals.done < 1 && manager.totals.failed < 1 && Date() < deadline {
            manager.waitForSettlement(timeout: 0.1)
        }
        XCTAssertEqual(manager.totals.done, 1)
        let resumed = try XCTUnwrap(server.requestLog.dropFirst(before).first)
        XCTAssertTrue(resumed.headers.contains { $0.name.lowercased() == "range" && $0.value.hasPrefix("bytes=\(onDisk)-") },
                      "continued from the .part: \(resumed.headers)")
        XCTAssertTrue(resumed.headers.contains { $0.name.lowercased() == "authorization" && $0.value == secrets[0] },
                      "with the credentials given now")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, 4_000_000)
    }
}
