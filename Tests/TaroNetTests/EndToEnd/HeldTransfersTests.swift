import Foundation
import XCTest
@testable import TaroNet

/// Transfers the origin gate holds back (past one HTTP/2 connection's
/// streams) exist in the engine only as what the scheduler asked for until
/// they are admitted. Pausing, aborting or closing the session meanwhile
/// must treat them as it treats any other transfer: against nginx over
/// HTTPS with HTTP/2, more transfers at once than the gate lets on the wire.
final class HeldTransfersTests: XCTestCase {
    var nginx: TLSNginx!
    var dir: TestDirectory!
    /// More than `OriginGate.streamBudget`: the last ones are held.
    let count = OriginGate.streamBudget + 12

    override func setUp() async throws {
        nginx = try TLSNginx()
        dir = TestDirectory()
    }

    override func tearDown() async throws {
        nginx.stop()
        dir.remove()
    }

    /// One file for all: /slow/ gives each stream 2 MB/s, so the first
    /// ones are still running when the test acts on the held ones.
    private func option(_ i: Int, complete: (@Sendable (TaroCallbackResult) -> Void)? = nil) -> DownloadFileOption {
        var option = DownloadFileOption(url: nginx.https("/slow/s0.bin"), filePath: dir.file("h\(i).bin"),
                                        complete: complete)
        option.wire.caFile = nginx.certificate
        return option
    }

    func testAHeldTransferPausedAndResumedArrivesExactly() async throws {
        let bytes = try XCTUnwrap(try nginx.addFiles(prefix: "s", count: 1, size: 1 << 20)["s0.bin"])
        let session = TaroSession(limits: SchedulerLimits(global: count, perHost: count))
        defer { session.close() }
        let tasks = (0..<count).map { session.downloadFile(option($0)) }
        let progress = EventRecorder<Int>()
        tasks[0].onProgressUpdate { progress.append($0.progress) }
        let started = await progress.wait { !$0.isEmpty }
        XCTAssertTrue(started, "the first transfer moved no bytes")
        let last = tasks[count - 1]
        last.pause()
        try await Task.sleep(for: .milliseconds(300))
        last.resume()
        for (i, task) in tasks.enumerated() {
            let result = try await task.value
            XCTAssertEqual(result.statusCode, 200, "h\(i)")
        }
        for i in 0..<count {
            XCTAssertEqual(FileManager.default.contents(atPath: dir.file("h\(i).bin")).map(Array.init), bytes, "h\(i)")
        }
    }

    func testHeldTransfersAbortedOrClosedSettleOnceAndLeaveNothing() async throws {
        _ = try nginx.addFiles(prefix: "s", count: 1, size: 4 << 20)
        let session = TaroSession(limits: SchedulerLimits(global: count, perHost: count))
        let completions = EventRecorder<String>()
        let tasks = (0..<count).map { i in session.downloadFile(option(i) { completions.append($0.errMsg) }) }
        let progress = EventRecorder<Int>()
        tasks[0].onProgressUpdate { progress.append($0.progress) }
        let started = await progress.wait { !$0.isEmpty }
        XCTAssertTrue(started, "the first transfer moved no bytes")
        // The last ones wait behind a full connection's worth of 2-second files.
        for task in tasks[(count - 4)...] { task.abort() }
        for task in tasks[(count - 4)...] {
            await XCTAssertThrowsTaroError(try await task.value, "downloadFile:fail abort")
        }
        session.close()
        for task in tasks {
            do {
                _ = try await task.value
                XCTFail("a transfer cut off by close or abort cannot succeed")
            } catch let error as TaroError {
                XCTAssertTrue(error.errMsg == "downloadFile:fail engine stopped" || error.errMsg == "downloadFile:fail abort",
                              error.errMsg)
            }
        }
        let settled = await completions.wait { $0.count == count }
        XCTAssertTrue(settled, "\(completions.count) of \(count) settled")
        try await Task.sleep(for: .milliseconds(200))
        XCTAssertEqual(completions.count, count, "each task settled exactly once")
        XCTAssertEqual(dir.contents.filter { $0.hasPrefix("h") }, [], "no file under a final name, and the Taro API keeps no .part")
    }
}
