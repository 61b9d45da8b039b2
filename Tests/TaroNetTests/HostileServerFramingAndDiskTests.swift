import Foundation
import Glibc
import TaroNet
import TaroServer
import XCTest

/// Hostile-server cases the first version of the engine got wrong; each
/// states the safe behaviour.
final class HostileServerFramingAndDiskTests: HostileServerTestCase {
    /// The hostile download must fail and leave nothing under its final name.
    private func assertFailsWithoutAFile(_ pathAndQuery: String, maxBodyBytes: Int64 = 0, segments: Int = 1,
                                         file: StaticString = #filePath, line: UInt = #line) async -> String {
        var option = DownloadFileOption(url: server.url(pathAndQuery), filePath: sandbox.file("hostile.bin"),
                                        maxBodyBytes: maxBodyBytes)
        option.segments = segments
        let message = await failure(of: session.downloadFile(option), file: file, line: line) ?? ""
        XCTAssertFalse(fileExists(sandbox.file("hostile.bin")), "no file under the final name", file: file, line: line)
        XCTAssertFalse(fileExists(sandbox.file("hostile.bin.part")), file: file, line: line)
        return message
    }

    /// RFC 9110 §8.6: differing Content-Length values are an unrecoverable
    /// framing error. curl 7.88 takes the last one and stops there, so a
    /// 1000-byte body is saved as a 200-byte file that looks complete.
    func testDuplicatedContentLengthFailsCleanly() async throws {
        let message = await assertFailsAlongsideANormalDownload("/bytes/1000?cl=100&cl2=200")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("content-length"), message)
    }

    /// curl 7.88 treats a Content-Length beyond curl_off_t as absent and
    /// reads to the end of the connection, so the download succeeds.
    func testOverflowingContentLengthFailsCleanly() async throws {
        let message = await assertFailsAlongsideANormalDownload("/bytes/1000?cl=99999999999999999999999")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("content-length"), message)
    }

    /// A segmented download writes through the segment path, which never
    /// checks maxBodyBytes: 20 MB arrive under a 1 MB limit.
    func testSegmentedDownloadStopsAtMaxBodyBytes() async throws {
        let message = await assertFailsWithoutAFile("/bytes/20000000", maxBodyBytes: 1_000_000, segments: 4)
        XCTAssertEqual(message, "downloadFile:fail response body larger than 1000000 bytes")
    }

    /// One 100 KiB header line trips curl's own limit before TaroNet's,
    /// and curl reports it as CURLE_OUT_OF_MEMORY: "Out of memory".
    func testHundredKiBInOneHeaderLineFailsWithAHeaderSizeMessage() async throws {
        let message = await assertFailsWithoutAFile("/headers?count=1&size=102400")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("header"), message)
        XCTAssertFalse(message.localizedCaseInsensitiveContains("out of memory"), message)
    }

    /// A refused .part is not ours: it stays as it was found, whether a
    /// planted symlink or someone's regular file.
    func testRefusedPartIsLeftAsFound() async throws {
        let victim = sandbox.root.path + "/victim.txt"
        try "do not touch\n".write(toFile: victim, atomically: false, encoding: .utf8)
        XCTAssertEqual(symlink(victim, sandbox.file("linked.bin.part")), 0)
        try "someone else's partial file\n".write(toFile: sandbox.file("theirs.bin.part"), atomically: false,
                                                   encoding: .utf8)
        for name in ["linked.bin", "theirs.bin"] {
            let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/1000"),
                                                               filePath: sandbox.file(name)))
            _ = await failure(of: task)
        }
        XCTAssertEqual(try? FileManager.default.destinationOfSymbolicLink(atPath: sandbox.file("linked.bin.part")),
                       victim, "the planted link is still there")
        XCTAssertEqual(try? String(contentsOfFile: sandbox.file("theirs.bin.part"), encoding: .utf8),
                       "someone else's partial file\n", "the existing .part is still there, unchanged")
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "do not touch\n")
    }

    /// A server-named file that had to be numbered is shown under the name
    /// it really got, not under the taken name of someone else's file.
    func testSnapshotShowsTheNumberedNameOfAServerNamedFile() async throws {
        server.setResource("/files/..%2F..%2Fetc%2Fpasswd", ServedResource(size: 1000, seed: 301))
        try "precious".write(toFile: sandbox.file("passwd"), atomically: false, encoding: .utf8)
        let manager = TransferManager(limit: 2)
        defer { manager.shutdown() }
        let redirect = "/redirect-to?url=" + QueryText.encode("/files/..%2F..%2Fetc%2Fpasswd")
        let id = manager.addDownload(url: server.url(redirect), directory: sandbox.downloads)
        let deadline = Date().addingTimeInterval(15)
        while !manager.snapshot().items.allSatisfy(\.state.isFinal), Date() < deadline {
            manager.waitForSettlement(timeout: 0.2)
        }
        let item = manager.snapshot().items.first { $0.id == id }
        XCTAssertEqual(item?.state, .done)
        XCTAssertEqual(sandbox.contents, ["passwd", "passwd-1"])
        XCTAssertEqual(item?.localPath, sandbox.file("passwd-1"))
        XCTAssertEqual(item?.name, "passwd-1")
    }

    /// Issue 6: a full disk leaves the .part consistent and resumable. The
    /// manager keeps partial files; once there is room, a retry continues
    /// from what is on disk and ends byte-exact.
    func testFullDiskLeavesAConsistentResumablePart() async throws {
        let small = try mountTmpfs(size: "2m")
        let manager = TransferManager(limit: 2)
        defer { manager.shutdown() }
        let id = manager.addDownload(url: server.url("/bytes/5000000?seed=9"), path: small + "/big.bin")
        XCTAssertTrue(waitUntilSettled(manager))
        let failed = manager.snapshot().items.first { $0.id == id }
        XCTAssertEqual(failed?.state, .failed)
        XCTAssertTrue(failed?.errorMessage?.contains("No space left on device") == true, failed?.errorMessage ?? "")
        XCTAssertFalse(fileExists(small + "/big.bin"))
        let kept = fileSize(small + "/big.bin.part")
        XCTAssertGreaterThan(kept, 0, "the .part is kept")
        if kept > 0 {
            XCTAssertEqual(try sha256sum(small + "/big.bin.part"), DeterministicBody.sha256Hex(seed: 9, size: kept),
                           "the .part holds exactly the first bytes of the body")
        }

        try resizeTmpfs(size: "8m")
        server.resetStats()
        manager.retry(id)
        XCTAssertTrue(waitUntilSettled(manager))
        XCTAssertEqual(manager.snapshot().items.first { $0.id == id }?.state, .done)
        XCTAssertEqual(try sha256sum(small + "/big.bin"), DeterministicBody.sha256Hex(seed: 9, size: 5_000_000))
        let range = server.requestLog.first?.header("Range") ?? ""
        XCTAssertTrue(range.hasPrefix("bytes=") && range != "bytes=0-", "resumed, not restarted: \(range)")
    }

    private func waitUntilSettled(_ manager: TransferManager) -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while !manager.snapshot().items.allSatisfy(\.state.isFinal) {
            if Date() > deadline { return false }
            manager.waitForSettlement(timeout: 0.2)
        }
        return true
    }
}

