import Foundation
import TaroNet
import TaroServer
import XCTest

/// A redirect target that names the file (no Content-Disposition) is
/// reduced the same way: its last path segment, decoded, as a safe base name.
/// The hostile targets are served as named resources at their raw paths.
final class HostileServerRedirectNameTests: HostileServerTestCase {
    private func serve(_ rawPath: String, seed: UInt64) {
        server.setResource(rawPath, ServedResource(size: 1000, seed: seed))
    }

    private func redirect(to target: String) -> String {
        "/redirect-to?url=" + QueryText.encode(target)
    }

    func testRedirectTargetEncodedTraversalBecomesABaseName() async throws {
        serve("/files/..%2F..%2Fetc%2Fpasswd", seed: 201)
        try await assertServerNames(redirect(to: "/files/..%2F..%2Fetc%2Fpasswd"), seed: 201,
                                    as: "passwd", then: "passwd-1")
    }

    func testRedirectChainTargetDotFileIsNotHidden() async throws {
        serve("/.bashrc", seed: 202)
        try await assertServerNames("/redirect/3?to=" + QueryText.encode("/.bashrc"), seed: 202,
                                    as: "_bashrc", then: "_bashrc-1")
    }

    func testRedirectTargetEncodedDotDotLeavesNoName() async throws {
        serve("/files/%2E%2E", seed: 203)
        try await assertServerNames(redirect(to: "/files/%2E%2E"), seed: 203, as: "download", then: "download-1")
    }

    func testRedirectTargetBackslashBecomesABaseName() async throws {
        serve("/files/dir%5Cfile", seed: 204)
        try await assertServerNames(redirect(to: "/files/dir%5Cfile"), seed: 204, as: "file", then: "file-1")
    }

    func testRedirectTargetControlAndBidiCharactersAreReplaced() async throws {
        serve("/files/%1B%5B2Jx%E2%80%AEfdp.exe", seed: 205)
        try await assertServerNames(redirect(to: "/files/%1B%5B2Jx%E2%80%AEfdp.exe"), seed: 205,
                                    as: "_[2Jx_fdp.exe", then: "_[2Jx_fdp-1.exe")
    }

    func testRedirectToAnotherServerIsNamedTheSameWay() async throws {
        let other = try TaroServer()
        defer { other.stop() }
        other.setResource("/.profile", ServedResource(size: 1000, seed: 206))
        try await assertServerNames(redirect(to: other.url("/.profile")), seed: 206, as: "_profile", then: "_profile-1")
    }

    /// TransferManager.addDownload(url:directory:) names files from the URL
    /// first and from the server once it answers; both are reduced.
    func testManagerNamesFromRedirectDispositionAndURLStaySafe() async throws {
        serve("/files/..%2F..%2Fetc%2Fpasswd", seed: 207)
        serve("/files/..%2F..%2Fetc%2Fshadow", seed: 209)
        try "precious".write(toFile: sandbox.file("passwd"), atomically: false, encoding: .utf8)
        let manager = TransferManager(limit: 4)
        defer { manager.shutdown() }

        let chain = "/redirect/2?to=" + QueryText.encode("/files/..%2F..%2Fetc%2Fpasswd")
        let redirected = manager.addDownload(url: server.url(chain), directory: sandbox.downloads)
        let disposed = manager.addDownload(url: server.url("/bytes/1000?seed=208&dispo="
                                                           + QueryText.encode(#"attachment; filename="../.bashrc""#)),
                                           directory: sandbox.downloads)
        let direct = manager.addDownload(url: server.url("/files/..%2F..%2Fetc%2Fshadow"), directory: sandbox.downloads)
        XCTAssertTrue(waitUntilIdle(manager), "the downloads settle")

        let items = Dictionary(uniqueKeysWithValues: manager.snapshot().items.map { ($0.id, $0) })
        for id in [redirected, disposed, direct] {
            XCTAssertEqual(items[id]?.state, .done, items[id]?.errorMessage ?? "")
        }
        XCTAssertEqual(items[disposed]?.localPath, sandbox.file("_bashrc"))
        XCTAssertEqual(items[direct]?.localPath, sandbox.file("shadow"))
        // Which name the snapshot shows for the numbered one: HostileServerPendingTests.
        XCTAssertEqual(sandbox.contents, ["_bashrc", "passwd", "passwd-1", "shadow"])
        XCTAssertEqual(try String(contentsOfFile: sandbox.file("passwd"), encoding: .utf8), "precious")
        XCTAssertEqual(try sha256sum(sandbox.file("passwd-1")), DeterministicBody.sha256Hex(seed: 207, size: 1000))
        XCTAssertEqual(try sha256sum(sandbox.file("_bashrc")), DeterministicBody.sha256Hex(seed: 208, size: 1000))
        XCTAssertEqual(try sha256sum(sandbox.file("shadow")), DeterministicBody.sha256Hex(seed: 209, size: 1000))
        XCTAssertEqual(sandbox.strayPaths, [])
    }

    private func waitUntilIdle(_ manager: TransferManager, timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !manager.snapshot().items.allSatisfy(\.state.isFinal) {
            if Date() > deadline { return false }
            manager.waitForSettlement(timeout: 0.2)
        }
        return true
    }
}
