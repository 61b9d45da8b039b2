import Foundation
import Glibc
import TaroNet
import TaroServer
import XCTest

/// What is already on disk, or the disk itself, turning against a download:
/// a planted symlink and a full file system.
final class HostileServerDiskTests: HostileServerTestCase {
    /// A file outside the download directory, with its hash.
    private func makeVictim() throws -> (path: String, sha: String) {
        let path = sandbox.root.path + "/victim.txt"
        try "do not touch\n".write(toFile: path, atomically: false, encoding: .utf8)
        return (path, try sha256sum(path))
    }

    func testPartPlantedAsSymlinkIsRefused() async throws {
        let victim = try makeVictim()
        XCTAssertEqual(symlink(victim.path, sandbox.file("file.bin.part")), 0)
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/1000"),
                                                           filePath: sandbox.file("file.bin")))
        let message = await failure(of: task) ?? ""
        XCTAssertTrue(message.contains(sandbox.file("file.bin.part")), message)
        XCTAssertTrue(message.localizedCaseInsensitiveContains("exists"), message)
        XCTAssertEqual(try sha256sum(victim.path), victim.sha, "the symlink's target is untouched")
        XCTAssertFalse(fileExists(sandbox.file("file.bin")), "no file under the final name")
        XCTAssertEqual(sandbox.contents.filter { $0 != "file.bin.part" }, [])
        XCTAssertEqual(sandbox.strayPaths, ["victim.txt"])
        // Whether the refused link itself stays: HostileServerPendingTests.
    }

    /// The manager opens a .part it may resume (O_NOFOLLOW + fstat): a
    /// planted symlink is refused there too.
    func testPartPlantedAsSymlinkIsRefusedByTheManager() async throws {
        let victim = try makeVictim()
        XCTAssertEqual(symlink(victim.path, sandbox.file("file.bin.part")), 0)
        let manager = TransferManager(limit: 2)
        defer { manager.shutdown() }
        let id = manager.addDownload(url: server.url("/bytes/1000"), path: sandbox.file("file.bin"))
        let deadline = Date().addingTimeInterval(15)
        while !manager.snapshot().items.allSatisfy(\.state.isFinal), Date() < deadline {
            manager.waitForSettlement(timeout: 0.2)
        }
        let item = manager.snapshot().items.first { $0.id == id }
        XCTAssertEqual(item?.state, .failed)
        let message = item?.errorMessage ?? ""
        XCTAssertTrue(message.contains(sandbox.file("file.bin.part")), message)
        XCTAssertTrue(message.localizedCaseInsensitiveContains("symbolic link")
                      || message.localizedCaseInsensitiveContains("exists"), message)
        XCTAssertEqual(try sha256sum(victim.path), victim.sha, "the symlink's target is untouched")
        XCTAssertFalse(fileExists(sandbox.file("file.bin")), "no file under the final name")
        XCTAssertEqual(sandbox.strayPaths, ["victim.txt"])
    }

    func testDanglingSymlinkPlantedAsPartIsRefused() async throws {
        let missing = sandbox.root.path + "/created-through-link"
        XCTAssertEqual(symlink(missing, sandbox.file("file.bin.part")), 0)
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/1000"),
                                                           filePath: sandbox.file("file.bin")))
        let message = await failure(of: task) ?? ""
        XCTAssertTrue(message.contains(sandbox.file("file.bin.part")), message)
        XCTAssertFalse(fileExists(missing), "nothing was created through the link")
        XCTAssertFalse(fileExists(sandbox.file("file.bin")))
    }

    /// A symlink planted under the final name is not written through either.
    func testSymlinkPlantedUnderTheFinalNameIsNotFollowed() async throws {
        let victim = try makeVictim()
        XCTAssertEqual(symlink(victim.path, sandbox.file("file.bin")), 0)
        let missing = sandbox.root.path + "/created-through-link"
        XCTAssertEqual(symlink(missing, sandbox.file("other.bin")), 0)
        for name in ["file.bin", "other.bin"] {
            let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/1000"),
                                                               filePath: sandbox.file(name)))
            let message = await failure(of: task) ?? ""
            XCTAssertTrue(message.localizedCaseInsensitiveContains("exists"), message)
        }
        XCTAssertEqual(try sha256sum(victim.path), victim.sha)
        XCTAssertFalse(fileExists(missing))
        XCTAssertEqual(sandbox.contents, ["file.bin", "other.bin"], "only the planted links, no .part left")
    }

    func testFullDiskFailsThatDownloadWhileAnotherCompletes() async throws {
        let small = try mountTmpfs(size: "2m")

        let other = session.downloadFile(DownloadFileOption(url: server.url("/bytes/3000000?seed=8&rate=3000000"),
                                                            filePath: sandbox.file("other.bin")))
        let full = session.downloadFile(DownloadFileOption(url: server.url("/bytes/5000000?seed=9"),
                                                           filePath: small + "/big.bin"))
        let message = await failure(of: full) ?? ""
        XCTAssertTrue(message.contains("No space left on device"), message)
        XCTAssertEqual(other.snapshot?.state.isFinal, false, "the other download was still running")
        XCTAssertFalse(fileExists(small + "/big.bin"), "no file under the final name")

        let result = try await other.value
        XCTAssertEqual(result.dataLength, 3_000_000)
        XCTAssertEqual(try sha256sum(sandbox.file("other.bin")), DeterministicBody.sha256Hex(seed: 8, size: 3_000_000))
    }
}
