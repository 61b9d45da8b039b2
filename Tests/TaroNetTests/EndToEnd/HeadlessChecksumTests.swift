import Foundation
import TaroServer
import XCTest

/// `get --checksum` and checksums on the lines of a `-i` list.
extension HeadlessCommandTests {
    func testGetChecksumPassesAndAMismatchLeavesOnlyThePart() throws {
        let sum = DeterministicBody.sha256Hex(seed: 81, size: 300_000)
        let good = try taro(["get"] + state + ["-d", dir.path, "--checksum", "sha256=\(sum)",
                                               server.url("/bytes/300000?seed=81")])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(try sha256sum(dir.file("300000")), sum)

        let wrong = String(repeating: "e", count: 64)
        let bad = try taro(["get"] + state + ["-d", dir.path, "-o", "bad.bin", "--checksum", "sha256=\(wrong)",
                                              server.url("/bytes/300000?seed=82")])
        XCTAssertEqual(bad.status, 1)
        let actual = DeterministicBody.sha256Hex(seed: 82, size: 300_000)
        XCTAssertTrue(bad.stderr.contains("checksum mismatch: expected sha256=\(wrong), got sha256=\(actual)"),
                      bad.stderr)
        XCTAssertFalse(fileExists(dir.file("bad.bin")))
        XCTAssertEqual(try sha256sum(dir.file("bad.bin.part")), actual)
    }

    func testChecksumUsageErrorsExitTwo() throws {
        let bad = try taro(["get", "--checksum", "sha256=xyz", "http://x/1"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--checksum: sha256 wants 64 hex digits"), bad.stderr)
        XCTAssertEqual(try taro(["get", "--checksum", "md5=" + String(repeating: "0", count: 32),
                                 "http://x/1", "http://x/2"]).status, 2, "one checksum, one URL")
    }

    func testAListLineCarriesItsOwnChecksumAndABadOneIsReported() throws {
        let list = [
            server.url("/bytes/1000?seed=83") + "\tsha256=" + DeterministicBody.sha256Hex(seed: 83, size: 1000),
            server.url("/bytes/2000?seed=84") + "\tsha256=" + String(repeating: "0", count: 64),
            server.url("/bytes/3000?seed=85") + "\tsha256=nothex",
            server.url("/bytes/4000?seed=86"),
        ].joined(separator: "\n")
        let run = try taro(["get"] + state + ["-d", dir.path, "-i", "-"], stdin: list + "\n")
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(fileExists(dir.file("1000")), "a matching line")
        XCTAssertFalse(fileExists(dir.file("2000")), "a mismatching line")
        XCTAssertTrue(fileExists(dir.file("2000.part")))
        XCTAssertTrue(run.stderr.contains("stdin:3: sha256 wants 64 hex digits"), run.stderr)
        XCTAssertFalse(fileExists(dir.file("3000")), "a line whose checksum cannot be read is not fetched unchecked")
        XCTAssertTrue(fileExists(dir.file("4000")), "the rest of the list still ran")
    }
}
