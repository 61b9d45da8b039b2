import TaroNet
import TaroServer
import XCTest

/// A download slow enough to be stopped midway (100 MB at 2 MB/s), its
/// callbacks recorded in order: what the abort and cancellation tests start
/// and then check in the same way.
struct SlowDownload {
    let task: DownloadTask
    let target: String
    let order = EventRecorder<String>()
    private let progress = EventRecorder<DownloadProgressResult>()

    init(session: TaroSession, server: TaroServer, target: String) {
        let order = order
        self.target = target
        task = session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/100000000?rate=2000000"), filePath: target,
            success: { _ in order.append("success") },
            fail: { order.append("fail:" + $0.errMsg) },
            complete: { order.append("complete:" + $0.errMsg) }))
        let progress = progress
        task.onProgressUpdate { progress.append($0) }
    }

    /// Waits (bounded) for its first bytes on disk.
    func waitForBytes(file: StaticString = #filePath, line: UInt = #line) async {
        let started = await progress.wait { $0.contains { $0.totalBytesWritten > 0 } }
        XCTAssertTrue(started, "no bytes arrived", file: file, line: line)
    }

    /// What an abort leaves: `outcome` fails with the abort, fail then
    /// complete were called once each, and neither the file nor its .part
    /// is on disk.
    func assertAborted(_ outcome: () async throws -> DownloadFileResult,
                       file: StaticString = #filePath, line: UInt = #line) async {
        do {
            _ = try await outcome()
            XCTFail("an aborted download must not succeed", file: file, line: line)
        } catch let error as TaroError {
            XCTAssertEqual(error.errMsg, "downloadFile:fail abort", file: file, line: line)
            XCTAssertEqual(error.kind, .abort, file: file, line: line)
        } catch {
            XCTFail("not a TaroError: \(error)", file: file, line: line)
        }
        XCTAssertEqual(order.all, ["fail:downloadFile:fail abort", "complete:downloadFile:fail abort"], file: file, line: line)
        XCTAssertFalse(fileExists(target), file: file, line: line)
        XCTAssertFalse(fileExists(target + ".part"), file: file, line: line)
    }
}
