import Foundation
import TaroNet
import TaroServer
import XCTest

/// Downloads over several connections, each range written in place.
final class SegmentedDownloadTests: LoopbackTestCase {
    private func download(_ path: String, segments: Int, progress: EventRecorder<DownloadProgressResult>? = nil) async throws -> DownloadFileResult {
        var option = DownloadFileOption(url: server.url(path), filePath: dir.file("out.bin"))
        option.segments = segments
        let task = session.downloadFile(option)
        if let progress { task.onProgressUpdate { progress.append($0) } }
        return try await task.value
    }

    func testEightRangesFillTheFileByteExact() async throws {
        let size: Int64 = 24 << 20
        let progress = EventRecorder<DownloadProgressResult>()
        let result = try await download("/bytes/\(size)?seed=21&rate=6000000", segments: 8, progress: progress)
        XCTAssertEqual(result.dataLength, size)
        XCTAssertEqual(try sha256sum(dir.file("out.bin")), DeterministicBody.sha256Hex(seed: 21, size: size))
        XCTAssertEqual(dir.contents, ["out.bin"])
        let ranged = server.requestLog.filter { $0.header("Range") != nil }
        XCTAssertGreaterThanOrEqual(ranged.count, 7, "the other seven ranges came over their own requests")
        XCTAssertTrue(ranged.allSatisfy { $0.header("If-Range") != nil }, "every range is tied to the validator")
        XCTAssertGreaterThanOrEqual(server.peakConcurrentRequests, 8)
        let events = progress.all
        XCTAssertTrue(events.allSatisfy { $0.totalBytesWritten <= size && $0.progress <= 100 }, "never over 100%")
        XCTAssertEqual(events.last?.totalBytesWritten, size)
        for (a, b) in zip(events, events.dropFirst()) { XCTAssertLessThanOrEqual(a.totalBytesWritten, b.totalBytesWritten) }
    }

    func testWithoutRangeSupportOneConnectionDoesIt() async throws {
        let result = try await download("/bytes/4000000?seed=22&ranges=0", segments: 8)
        XCTAssertEqual(result.dataLength, 4_000_000)
        XCTAssertEqual(try sha256sum(dir.file("out.bin")), DeterministicBody.sha256Hex(seed: 22, size: 4_000_000))
        XCTAssertEqual(server.requestLog.count, 1)
    }

    func testAWeakValidatorMeansOneConnection() async throws {
        _ = try await download("/bytes/4000000?seed=23&weak=1", segments: 4)
        XCTAssertEqual(try sha256sum(dir.file("out.bin")), DeterministicBody.sha256Hex(seed: 23, size: 4_000_000))
        XCTAssertEqual(server.requestLog.count, 1, "no If-Range can rest on a weak ETag")
    }

    func testLastModifiedAloneIsEnoughToSplit() async throws {
        _ = try await download("/bytes/4000000?seed=24&noetag=1&lastmod=1&rate=4000000", segments: 4)
        XCTAssertEqual(try sha256sum(dir.file("out.bin")), DeterministicBody.sha256Hex(seed: 24, size: 4_000_000))
        XCTAssertGreaterThan(server.requestLog.count, 1)
    }

    func testAFileThatChangesMidDownloadFailsInsteadOfSplicing() async throws {
        server.setResource("/file.bin", ServedResource(size: 8 << 20, seed: 1, etag: "v1"))
        var option = DownloadFileOption(url: server.url("/file.bin?rate=2000000"), filePath: dir.file("out.bin"))
        option.segments = 4
        let task = session.downloadFile(option)
        let started = EventRecorder<Int>()
        task.onHeadersReceived { _ in started.append(1) }
        _ = await started.wait { !$0.isEmpty }
        server.setResource("/file.bin", ServedResource(size: 8 << 20, seed: 2, etag: "v2"))
        do {
            _ = try await task.value
            // The helpers may all have started before the change; then the file is v1 throughout.
            XCTAssertEqual(try sha256sum(dir.file("out.bin")), DeterministicBody.sha256Hex(seed: 1, size: 8 << 20))
        } catch let error as TaroError {
            XCTAssertTrue(error.errMsg.contains("changed"), error.errMsg)
            XCTAssertEqual(dir.contents, [], "no file under the final name, no .part left")
        }
    }

    func testAbortStopsEveryConnection() async throws {
        var option = DownloadFileOption(url: server.url("/bytes/50000000?rate=1000000"), filePath: dir.file("out.bin"))
        option.segments = 4
        let task = session.downloadFile(option)
        let progress = EventRecorder<Int64>()
        task.onProgressUpdate { progress.append($0.totalBytesWritten) }
        _ = await progress.wait { ($0.last ?? 0) > 1_000_000 }
        task.abort()
        await XCTAssertThrowsTaroError(try await task.value, "downloadFile:fail abort")
        try await Task.sleep(for: .milliseconds(300))
        XCTAssertEqual(server.currentRequests, 0, "no connection left running")
        XCTAssertEqual(dir.contents, [])
    }
}
