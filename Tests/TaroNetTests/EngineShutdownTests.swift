import Foundation
import TaroNet
import TaroServer
import XCTest

/// Closing a session with transfers in flight: every task settles exactly
/// once, nothing is left under a final name, and later tasks fail cleanly.
final class EngineShutdownTests: XCTestCase {
    func testClosingWithTransfersInFlightSettlesEveryTask() async throws {
        let server = try TaroServer()
        defer { server.stop() }
        let dir = TestDirectory()
        defer { dir.remove() }
        let session = TaroSession(limits: SchedulerLimits(global: 4, perHost: 4))
        let completions = EventRecorder<String>()
        let tasks = (0..<10).map { i in
            session.downloadFile(DownloadFileOption(
                url: server.url("/bytes/50000000?rate=1000000&seed=\(i)"), filePath: dir.file("f\(i)"),
                complete: { completions.append($0.errMsg) }))
        }
        let progress = EventRecorder<Int>()
        tasks[0].onProgressUpdate { progress.append($0.progress) }
        _ = await progress.wait { !$0.isEmpty }
        session.close()
        for task in tasks {
            do {
                _ = try await task.value
                XCTFail("a transfer cut off by close cannot succeed")
            } catch let error as TaroError {
                XCTAssertTrue(error.errMsg == "downloadFile:fail engine stopped" || error.errMsg == "downloadFile:fail abort",
                              error.errMsg)
            }
        }
        let settled = await completions.wait { $0.count == 10 }
        XCTAssertTrue(settled)
        try await Task.sleep(for: .milliseconds(200))
        XCTAssertEqual(completions.count, 10, "each task settled exactly once")
        XCTAssertEqual(dir.contents, [], "no file under a final name, and the Taro API keeps no .part")

        let late = session.downloadFile(DownloadFileOption(url: server.url("/bytes/10"), filePath: dir.file("late")))
        await XCTAssertThrowsTaroError(try await late.value, "downloadFile:fail engine stopped")
    }

    func testManySessionsOpenAndCloseCleanly() async throws {
        let server = try TaroServer()
        defer { server.stop() }
        for i in 0..<20 {
            let session = TaroSession()
            let task = session.request(RequestOption(url: server.url("/bytes/100000?rate=500000&seed=\(i)")))
            if i.isMultiple(of: 2) { try await Task.sleep(for: .milliseconds(20)) }
            session.close()
            _ = try? await task.value
        }
        // Every connection was closed: the server notices within its next send.
        let deadline = Date().addingTimeInterval(3)
        while server.currentRequests > 0, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        XCTAssertEqual(server.currentRequests, 0)
    }
}
