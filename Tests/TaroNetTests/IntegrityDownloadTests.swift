@testable import TaroNet
import Foundation
import TaroServer
import XCTest

/// Downloads checked against a checksum (the user's or the server's) with
/// libcrypto, compared with coreutils' own sums: a match gets the final
/// name, a mismatch keeps the bytes as NAME.part and says expected vs got.
final class IntegrityDownloadTests: LoopbackTestCase {
    private func download(_ path: String, to name: String, checksum: Checksum?, segments: Int = 1)
        async throws -> DownloadFileResult {
        var option = DownloadFileOption(url: server.url(path), filePath: dir.file(name))
        option.checksum = checksum
        option.segments = segments
        return try await session.downloadFile(option).value
    }

    /// The file's sum by coreutils, from a plain download of the same body.
    private func referenceSum(_ tool: String, _ path: String) async throws -> String {
        _ = try await download(path, to: "reference", checksum: nil)
        defer { unlink(dir.file("reference")) }
        return try coreutilsSum(tool, dir.file("reference"))
    }

    func testEachAlgorithmPassesWhenTheFileMatches() async throws {
        for (tool, name) in [("sha256sum", "sha256"), ("sha512sum", "sha512"), ("md5sum", "md5")] {
            let path = "/bytes/3000000?seed=71"
            let sum = try await referenceSum(tool, path)
            let result = try await download(path, to: name, checksum: try Checksum(parsing: "\(name)=\(sum)"))
            XCTAssertEqual(result.dataLength, 3_000_000)
            XCTAssertEqual(try coreutilsSum(tool, dir.file(name)), sum)
        }
        XCTAssertEqual(dir.contents, ["md5", "sha256", "sha512"], "no .part left")
    }

    func testAMismatchFailsKeepsThePartAndSaysExpectedAndGot() async throws {
        let wrong = try Checksum(parsing: "sha256=" + String(repeating: "0", count: 64))
        do {
            _ = try await download("/bytes/500000?seed=72", to: "bad.bin", checksum: wrong)
            XCTFail("a mismatch must fail")
        } catch let error as TaroError {
            let actual = DeterministicBody.sha256Hex(seed: 72, size: 500_000)
            XCTAssertTrue(error.errMsg.contains("expected \(wrong)"), error.errMsg)
            XCTAssertTrue(error.errMsg.contains("got sha256=\(actual)"), error.errMsg)
        }
        XCTAssertFalse(fileExists(dir.file("bad.bin")), "never under its final name")
        XCTAssertEqual(try sha256sum(dir.file("bad.bin.part")), DeterministicBody.sha256Hex(seed: 72, size: 500_000),
                       "the bytes are kept for inspection")
    }

    func testASegmentedDownloadIsCheckedFromTheFile() async throws {
        server.setResource("/seg.bin", ServedResource(size: 8_000_000, seed: 73, etag: "s1"))
        let good = try Checksum(parsing: "sha256=" + DeterministicBody.sha256Hex(seed: 73, size: 8_000_000))
        let result = try await download("/seg.bin", to: "seg.bin", checksum: good, segments: 4)
        XCTAssertEqual(result.dataLength, 8_000_000)
        XCTAssertGreaterThan(server.requestLog.filter { $0.header("Range") != nil }.count, 1, "it did use ranges")
        let wrong = try Checksum(parsing: "sha256=" + String(repeating: "1", count: 64))
        do {
            _ = try await download("/seg.bin", to: "seg2.bin", checksum: wrong, segments: 4)
            XCTFail("a mismatch must fail")
        } catch let error as TaroError {
            XCTAssertTrue(error.errMsg.contains("checksum mismatch"), error.errMsg)
        }
        XCTAssertFalse(fileExists(dir.file("seg2.bin")))
    }

    /// `h=` makes the server send a header line as given.
    private func withHeader(_ line: String) -> String {
        "h=" + line.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    func testTheServersReprDigestAndDigestAreChecked() async throws {
        let hex = DeterministicBody.sha256Hex(seed: 74, size: 200_000)
        let good = Data(try Checksum(parsing: "sha256=" + hex).digest).base64EncodedString()
        let bad = Data(repeating: 7, count: 32).base64EncodedString()
        let bad256 = String(repeating: "07", count: 32)
        _ = try await download("/bytes/200000?seed=74&" + withHeader("Repr-Digest: sha-256=:\(good):"),
                               to: "repr-good", checksum: nil)
        XCTAssertTrue(fileExists(dir.file("repr-good")))
        for (name, line) in [("repr-bad", "Repr-Digest: sha-256=:\(bad):"), ("digest-bad", "Digest: SHA-256=\(bad)")] {
            do {
                _ = try await download("/bytes/200000?seed=74&" + withHeader(line), to: name, checksum: nil)
                XCTFail("\(name): a server digest that does not match must fail")
            } catch let error as TaroError {
                XCTAssertTrue(error.errMsg.contains("the server's digest header says sha256=\(bad256), the file has sha256=\(hex)"),
                              error.errMsg)
            }
            XCTAssertFalse(fileExists(dir.file(name)))
            XCTAssertTrue(fileExists(dir.file(name + ".part")))
        }
    }

    func testAResumedDownloadHashesItsPartFirstAndIsVerified() async throws {
        let manager = try TransferManager(options: ManagerOptions(
            limit: 2, retry: RetryPolicy(maxAttempts: 20, baseDelay: 0.01, maxDelay: 0.05), stallSeconds: 2))
        defer { manager.shutdown() }
        server.setResource("/cut.bin", ServedResource(size: 1_500_000, seed: 75, etag: "c75"))
        let sum = try Checksum(parsing: "sha256=" + DeterministicBody.sha256Hex(seed: 75, size: 1_500_000))
        let id = manager.addDownload(url: server.url("/cut.bin?closeAfter=400000"), path: dir.file("cut.bin"),
                                     checksum: sum)
        let deadline = Date().addingTimeInterval(60)
        var final: TransferSnapshot?
        while Date() < deadline, final == nil {
            final = manager.snapshot().items.first { $0.id == id && $0.state.isFinal }
            manager.waitForSettlement(timeout: 0.1)
        }
        let snap = try XCTUnwrap(final)
        XCTAssertEqual(snap.state, .done, snap.errorMessage ?? "")
        XCTAssertEqual(snap.verified, "sha256")
        XCTAssertGreaterThanOrEqual(server.requestLog.filter { $0.header("Range") != nil }.count, 3, "it resumed")
        XCTAssertEqual(try sha256sum(dir.file("cut.bin")), DeterministicBody.sha256Hex(seed: 75, size: 1_500_000))
    }
}
