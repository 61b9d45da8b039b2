import Foundation
import TaroServer
import XCTest

/// `taro-tui daemon` spells its directories as the screen and `get` do
/// (LocalPath): a quoted `~/x` is in the home directory, not a folder
/// named `~` in the working directory.
final class DaemonPathTests: BinaryTestCase {
    func testTheDaemonExpandsATildeInItsDirectories() throws {
        try FileManager.default.createDirectory(atPath: dir.file("home/dl"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("work"), withIntermediateDirectories: true)
        let home = dir.file("home")
        let run = try GetRun(["--state-dir", "~/st", "-d", "~/dl", "--rpc-port", "0", server.url("/bytes/1000?seed=9")],
                             command: "daemon", in: dir.file("work"), home: home, stderrPath: dir.file("daemon.err"))
        GetRun.waitUntil("the download in ~/dl") { !run.process.isRunning || fileExists(home + "/dl/1000") }
        XCTAssertTrue(run.process.isRunning, run.stderr)
        GetRun.waitUntil("rpc.json in ~/st") { !run.process.isRunning || fileExists(home + "/st/rpc.json") }
        kill(run.process.processIdentifier, SIGTERM)
        XCTAssertEqual(run.finish(), 0, run.stderr)
        XCTAssertEqual(try sha256sum(home + "/dl/1000"), DeterministicBody.sha256Hex(seed: 9, size: 1000))
        XCTAssertFalse(fileExists(dir.file("work/~")), "no folder named ~")
        XCTAssertTrue(run.stderr.contains("downloads into \(realpath(home + "/dl"))"), run.stderr)
    }

    private func realpath(_ path: String) -> String {
        guard let resolved = Glibc.realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
