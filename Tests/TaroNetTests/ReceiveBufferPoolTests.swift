import CReceiveBuffers
import Foundation
import TaroNet
import TaroServer
import XCTest

/// curl's receive buffers are lent from a pool that stays mapped: a running
/// transfer holds one, and it comes back when the transfer ends, so the
/// pool does not run dry over many transfers.
final class ReceiveBufferPoolTests: XCTestCase {
    func testARunningTransferHoldsAPooledBufferAndGivesItBack() async throws {
        let server = try TaroServer()
        defer { server.stop() }
        let dir = TestDirectory()
        defer { dir.remove() }
        let session = TaroSession(limits: SchedulerLimits(global: 4, perHost: 4))
        defer { session.close() }
        // Other tests' sessions may still be closing: count from here.
        let before = taro_receive_buffers_in_use()
        let missesBefore = taro_receive_buffers_misses()
        let slow = session.downloadFile(DownloadFileOption(url: server.url("/bytes/4000000?rate=1000000"),
                                                           filePath: dir.file("slow")))
        let progress = EventRecorder<Int>()
        slow.onProgressUpdate { progress.append($0.progress) }
        _ = await progress.wait { !$0.isEmpty }
        XCTAssertGreaterThan(taro_receive_buffers_in_use(), before, "a running transfer's buffer is the pool's")
        slow.abort()
        _ = try? await slow.value

        // 100 more, four at a time, larger than the part of a buffer that
        // stays resident: every byte arrives, and every buffer comes back.
        for round in 0..<25 {
            let tasks = (0..<4).map { i in
                session.downloadFile(DownloadFileOption(url: server.url("/bytes/300000?seed=\(round * 4 + i)"),
                                                        filePath: dir.file("f\(round)-\(i)")))
            }
            for task in tasks {
                let result = try await task.value
                XCTAssertEqual(result.statusCode, 200)
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir.file("f24-3"))),
                       Data(DeterministicBody.bytes(seed: 99, count: 300_000)))
        let deadline = Date().addingTimeInterval(10)
        while taro_receive_buffers_in_use() > before && Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertLessThanOrEqual(taro_receive_buffers_in_use(), before, "every buffer came back")
        XCTAssertEqual(taro_receive_buffers_misses(), missesBefore, "four at a time never ran the pool dry")
    }
}
