@testable import TaroNet
import Foundation
import TaroServer
import XCTest

/// DESIGN.md's resume contract, case by case, against the loopback server.
final class ResumeContractTests: LoopbackTestCase {
    let size: Int64 = 3_000_000

    override func setUp() async throws {
        try await super.setUp()
        server.setResource("/file.bin", ServedResource(size: size, seed: 40, etag: "v1"))
    }

    private var target: String { dir.file("file.bin") }

    /// A .part holding the first `count` bytes of the seed-40 body.
    private func plantPart(_ count: Int, seed: UInt64 = 40) {
        let bytes = count > 0 ? DeterministicBody.bytes(seed: seed, count: count) : []
        _ = FileManager.default.createFile(atPath: target + ".part", contents: Data(bytes))
    }

    private func resume(_ point: ResumePoint?, path: String = "/file.bin") async throws -> DownloadFileResult {
        var option = DownloadFileOption(url: server.url(path), filePath: target)
        option.resume = point
        option.keepPartial = true
        return try await session.downloadFile(option).value
    }

    func test206WithMatchingContentRangeAppends() async throws {
        plantPart(1_000_000)
        let result = try await resume(ResumePoint(validator: "\"v1\"", total: size, offset: 1_000_000))
        XCTAssertEqual(result.statusCode, 200)
        XCTAssertEqual(result.dataLength, size)
        XCTAssertEqual(try sha256sum(target), DeterministicBody.sha256Hex(seed: 40, size: size))
        let request = try XCTUnwrap(server.requestLog.last)
        XCTAssertEqual(request.header("Range"), "bytes=1000000-")
        XCTAssertEqual(request.header("If-Range"), "\"v1\"")
        XCTAssertEqual(server.requestLog.count, 1, "only the missing bytes were asked for")
    }

    func test200TruncatesAndStartsOver() async throws {
        // The file changed on the server: If-Range fails and the whole new file comes.
        plantPart(1_000_000)
        server.setResource("/file.bin", ServedResource(size: size, seed: 41, etag: "v2"))
        let result = try await resume(ResumePoint(validator: "\"v1\"", total: size, offset: 1_000_000))
        XCTAssertEqual(result.dataLength, size)
        XCTAssertEqual(try sha256sum(target), DeterministicBody.sha256Hex(seed: 41, size: size), "the new version, never a splice")
    }

    func test416WithTheWholeFileOnDiskCompletes() async throws {
        plantPart(Int(size))
        let result = try await resume(ResumePoint(validator: "\"v1\"", total: size, offset: size))
        XCTAssertEqual(result.dataLength, size)
        XCTAssertEqual(try sha256sum(target), DeterministicBody.sha256Hex(seed: 40, size: size))
        XCTAssertEqual(server.requestLog.count, 1)
    }

    func test416ForAnotherSizeStartsOver() async throws {
        plantPart(Int(size))
        server.setResource("/file.bin", ServedResource(size: size / 2, seed: 42, etag: "v1"))
        var option = DownloadFileOption(url: server.url("/file.bin"), filePath: target)
        option.resume = ResumePoint(validator: "\"v1\"", total: size, offset: size)
        option.keepPartial = true
        option.retry = RetryPolicy(maxAttempts: 3, baseDelay: 0.01)
        let result = try await session.downloadFile(option).value
        XCTAssertEqual(result.dataLength, size / 2)
        XCTAssertEqual(try sha256sum(target), DeterministicBody.sha256Hex(seed: 42, size: size / 2))
    }

    func testNoValidatorStartsOver() async throws {
        plantPart(1_000_000, seed: 99)  // junk: nothing ties it to the server's file
        let result = try await resume(ResumePoint(validator: "", total: size, offset: 1_000_000))
        XCTAssertEqual(result.dataLength, size)
        XCTAssertEqual(try sha256sum(target), DeterministicBody.sha256Hex(seed: 40, size: size))
        XCTAssertNil(server.requestLog.last?.header("Range"))
    }

    func testAFreshDownloadWithAWeakETagRecordsNoResumePoint() async throws {
        server.setResource("/weak.bin", ServedResource(size: size, seed: 43, etag: "w", weakETag: true))
        var option = DownloadFileOption(url: server.url("/weak.bin?rate=3000000"), filePath: target)
        option.keepPartial = true
        let task = session.downloadFile(option)
        let progress = EventRecorder<Int64>()
        task.onProgressUpdate { progress.append($0.totalBytesWritten) }
        _ = try await task.value
        XCTAssertNil(task.snapshot?.resume, "a weak validator cannot back a ranged resume")
    }

    func testAPartShorterThanTheRecordedOffsetResumesFromWhatItHolds() async throws {
        plantPart(500_000)
        _ = try await resume(ResumePoint(validator: "\"v1\"", total: size, offset: 1_000_000))
        XCTAssertEqual(server.requestLog.last?.header("Range"), "bytes=500000-")
        XCTAssertEqual(try sha256sum(target), DeterministicBody.sha256Hex(seed: 40, size: size))
    }

    func testAPartLongerThanTheRecordedOffsetIsCutBackFirst() async throws {
        // Bytes past the recorded offset were never confirmed: junk them.
        var bytes = DeterministicBody.bytes(seed: 40, count: 1_000_000)
        bytes += [UInt8](repeating: 0xEE, count: 300_000)
        _ = FileManager.default.createFile(atPath: target + ".part", contents: Data(bytes))
        _ = try await resume(ResumePoint(validator: "\"v1\"", total: size, offset: 1_000_000))
        XCTAssertEqual(server.requestLog.last?.header("Range"), "bytes=1000000-")
        XCTAssertEqual(try sha256sum(target), DeterministicBody.sha256Hex(seed: 40, size: size))
    }

    func testSegmentedResumeContinuesEachRange() async throws {
        // Three ranges, partly fetched, with a hole in the middle of the file.
        let third = size / 3
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let body = DeterministicBody.bytes(seed: 40, count: Int(size))
        for (start, done) in [(Int64(0), Int64(400_000)), (third, Int64(0)), (2 * third, Int64(900_000))] {
            bytes.replaceSubrange(Int(start)..<Int(start + done), with: body[Int(start)..<Int(start + done)])
        }
        _ = FileManager.default.createFile(atPath: target + ".part", contents: Data(bytes))
        var option = DownloadFileOption(url: server.url("/file.bin"), filePath: target)
        option.keepPartial = true
        option.segments = 3
        option.resume = ResumePoint(validator: "\"v1\"", total: size, offset: 0, ranges: [
            .init(start: 0, end: third, written: 400_000),
            .init(start: third, end: 2 * third, written: 0),
            .init(start: 2 * third, end: size, written: 900_000),
        ])
        let result = try await session.downloadFile(option).value
        XCTAssertEqual(result.dataLength, size)
        XCTAssertEqual(try sha256sum(target), DeterministicBody.sha256Hex(seed: 40, size: size))
        let ranges = Set(server.requestLog.compactMap { $0.header("Range") })
        XCTAssertTrue(ranges.contains("bytes=400000-\(third - 1)"), "\(ranges)")
        XCTAssertTrue(ranges.contains { $0.hasPrefix("bytes=\(2 * third + 900_000)-") }, "\(ranges)")
    }

    func testAPartPlantedAsASymlinkIsRefused() async throws {
        let outside = dir.file("outside.txt")
        try "keep me".write(toFile: outside, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: target + ".part", withDestinationPath: outside)
        do {
            _ = try await resume(ResumePoint(validator: "\"v1\"", total: size, offset: 10))
            XCTFail("a symlinked .part must be refused")
        } catch let error as TaroError {
            XCTAssertTrue(error.errMsg.contains("symbolic link"), error.errMsg)
        }
        XCTAssertEqual(try String(contentsOfFile: outside, encoding: .utf8), "keep me")
    }
}
