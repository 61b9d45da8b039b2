import Foundation
import TaroServer
import XCTest

/// kill -9 at random moments through the real binary: every restart
/// continues from the durable offset and the file ends byte-identical.
final class KillNineTests: BinaryTestCase {

    private func get(_ url: String) throws -> Process {
        try TaroBinary.launch(["get", "--state-dir", dir.file("state"), "-o", dir.file("big.bin"), url])
    }

    /// Runs `get` and kills it with SIGKILL after a random delay, `kills`
    /// times; `between` runs after each kill. Then one run to the end.
    private func killLoop(kills: Int, url: String, between: (Int) -> Void = { _ in }) throws -> Int32 {
        var generator = SystemRandomNumberGenerator()
        var completedEarly = 0
        for i in 0..<kills {
            let process = try get(url)
            // Long enough for a debug build to start and record some progress
            // (offsets are made durable every 250 ms), short enough to land mid-download.
            Thread.sleep(forTimeInterval: Double.random(in: 0.3...0.9, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            } else {
                completedEarly += 1
            }
            process.waitUntilExit()
            between(i)
        }
        XCTAssertLessThan(completedEarly, kills / 2, "the kills did land mid-download")
        if fileExists(dir.file("big.bin")) { return 0 }
        let last = try get(url)
        last.waitUntilExit()
        return last.terminationStatus
    }

    func testTwentyKillsDuringA100MiBDownloadLoseNothing() throws {
        let size: Int64 = 100 << 20
        server.setResource("/big.bin", ServedResource(size: size, seed: 60, etag: "k1"))
        let status = try killLoop(kills: 20, url: server.url("/big.bin?rate=8000000"))
        XCTAssertEqual(status, 0)
        XCTAssertEqual(try sha256sum(dir.file("big.bin")), DeterministicBody.sha256Hex(seed: 60, size: size))
        XCTAssertFalse(fileExists(dir.file("big.bin.part")))
        let resumed = server.requestLog.filter { $0.header("Range") != nil }
        XCTAssertGreaterThanOrEqual(resumed.count, 5, "restarts resumed with Range instead of starting over")
        XCTAssertTrue(resumed.allSatisfy { $0.header("If-Range") == "\"k1\"" })
    }

    func testAFileChangedBetweenKillsEndsAsTheNewVersionNeverASplice() throws {
        let size: Int64 = 100 << 20
        server.setResource("/big.bin", ServedResource(size: size, seed: 61, etag: "old"))
        let status = try killLoop(kills: 20, url: server.url("/big.bin?rate=8000000")) { i in
            if i == 9 { self.server.setResource("/big.bin", ServedResource(size: size, seed: 62, etag: "new")) }
        }
        XCTAssertEqual(status, 0)
        XCTAssertEqual(try sha256sum(dir.file("big.bin")), DeterministicBody.sha256Hex(seed: 62, size: size))
    }
}
