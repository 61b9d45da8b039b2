import Foundation
import TaroNet
import TaroServer
import XCTest

/// Every UploadTask method of the seed page (UploadTask.zh.md) and Taro.uploadFile's
/// semantics, against the loopback server's upload sink.
final class UploadTaskConformanceTests: LoopbackTestCase {
    /// A file of deterministic bytes; returns its path.
    private func makeFile(_ name: String, size: Int, seed: UInt64 = 11) throws -> String {
        let path = dir.file(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(DeterministicBody.bytes(seed: seed, count: size)))
        return path
    }

    func testUploadFile_multipartArrivesWithItsFieldsAndHash() async throws {
        let path = try makeFile("photo.jpg", size: 3 << 20)
        let result = try await session.uploadFile(UploadFileOption(
            url: server.url("/upload"), filePath: path, name: "avatar", formData: ["user": "taro", "n": "1"])).value
        XCTAssertEqual(result.statusCode, 200)
        XCTAssertEqual(result.errMsg, "uploadFile:ok")
        let record = try XCTUnwrap(server.uploads.last)
        XCTAssertEqual(record.bytes, 3 << 20)
        XCTAssertEqual(record.sha256, DeterministicBody.sha256Hex(seed: 11, size: 3 << 20))
        XCTAssertEqual(record.fileName, "photo.jpg")
        XCTAssertEqual(record.fieldName, "avatar")
        XCTAssertEqual(record.formFields, ["user": "taro", "n": "1"])
        let reply = try XCTUnwrap(JSONValue.parse(Array(result.data.utf8)), "data is the server's body as a string")
        XCTAssertEqual(reply["sha256"]?.stringValue, record.sha256)
    }

    func testUploadFile_rawPUTSendsTheFileAsTheBody() async throws {
        let path = try makeFile("blob.bin", size: 1_000_003)
        let result = try await session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: path, method: .put)).value
        XCTAssertEqual(result.statusCode, 200)
        let record = try XCTUnwrap(server.uploads.last)
        XCTAssertEqual(record.bytes, 1_000_003)
        XCTAssertEqual(record.sha256, DeterministicBody.sha256Hex(seed: 11, size: 1_000_003))
        XCTAssertEqual(server.requestLog.last?.method, "PUT")
    }

    func testUploadFile_missingOrUnreadableFileFailsAtOnce() async throws {
        await XCTAssertThrowsTaroError(
            try await session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: dir.file("nope"))).value,
            "uploadFile:fail cannot open \(dir.file("nope")): No such file or directory")
        await XCTAssertThrowsTaroError(
            try await session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: dir.path)).value,
            "uploadFile:fail not a regular file: \(dir.path)")
        XCTAssertTrue(server.requestLog.isEmpty, "nothing was sent")
    }

    func testUploadTask_abort_failsWithAbortThenComplete() async throws {
        let path = try makeFile("big.bin", size: 64 << 20)
        let order = EventRecorder<String>()
        let task = session.uploadFile(UploadFileOption(
            url: server.url("/upload"), filePath: path,
            fail: { order.append("fail " + $0.errMsg) }, complete: { order.append("complete " + $0.errMsg) }))
        task.abort()
        await XCTAssertThrowsTaroError(try await task.value, "uploadFile:fail abort")
        XCTAssertEqual(order.all, ["fail uploadFile:fail abort", "complete uploadFile:fail abort"])
    }

    func testUploadTask_onProgressUpdate_isMonotonicAndEndsAt100() async throws {
        let path = try makeFile("p.bin", size: 8 << 20)
        let events = EventRecorder<UploadProgressResult>()
        let task = session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: path, method: .put,
                                                       progressInterval: .milliseconds(5)))
        task.onProgressUpdate { events.append($0) }
        _ = try await task.value
        let all = events.all
        XCTAssertGreaterThan(all.count, 0)
        XCTAssertEqual(all.last?.progress, 100)
        XCTAssertEqual(all.last?.totalBytesSent, 8 << 20)
        XCTAssertEqual(all.last?.totalBytesExpectedToSend, 8 << 20)
        for (a, b) in zip(all, all.dropFirst()) { XCTAssertLessThanOrEqual(a.totalBytesSent, b.totalBytesSent) }
    }

    func testUploadTask_offProgressUpdate_removesOneAndAll() async throws {
        let path = try makeFile("o.bin", size: 2 << 20)
        let removed = EventRecorder<Int>(), kept = EventRecorder<Int>()
        let task = session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: path))
        let token = task.onProgressUpdate { _ in removed.append(1) }
        task.onProgressUpdate { kept.append($0.progress) }
        task.offProgressUpdate(token)
        _ = try await task.value
        XCTAssertEqual(removed.count, 0)
        XCTAssertEqual(kept.all.last, 100)

        let none = EventRecorder<Int>()
        let second = session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: path))
        second.onProgressUpdate { _ in none.append(1) }
        second.offProgressUpdate()
        _ = try await second.value
        XCTAssertEqual(none.count, 0)
    }

    func testUploadTask_onHeadersReceived_firesOnceBeforeSuccess() async throws {
        let path = try makeFile("h.bin", size: 1000)
        let order = EventRecorder<String>()
        let task = session.uploadFile(UploadFileOption(url: server.url("/upload?status=201"), filePath: path,
                                                       success: { order.append("success \($0.statusCode)") }))
        task.onHeadersReceived { order.append("headers \($0.statusCode)") }
        _ = try await task.value
        XCTAssertEqual(order.all, ["headers 201", "success 201"])
    }

    func testUploadTask_offHeadersReceived_removesOneAndAll() async throws {
        let path = try makeFile("h2.bin", size: 1000)
        let removed = EventRecorder<Int>(), kept = EventRecorder<Int>()
        let task = session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: path))
        let token = task.onHeadersReceived { _ in removed.append(1) }
        task.onHeadersReceived { _ in kept.append(1) }
        task.offHeadersReceived(token)
        _ = try await task.value
        XCTAssertEqual(removed.count, 0)
        XCTAssertEqual(kept.count, 1)
        let none = EventRecorder<Int>()
        let second = session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: path))
        second.onHeadersReceived { _ in none.append(1) }
        second.offHeadersReceived()
        _ = try await second.value
        XCTAssertEqual(none.count, 0)
    }

    func testUploadTask_headersReceivedAndProgressAliasesChain() async throws {
        let path = try makeFile("alias.bin", size: 500_000)
        let seen = EventRecorder<String>()
        let task = session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: path))
            .headersReceived { seen.append("headers \($0.statusCode)") }
            .progress { if $0.progress == 100 { seen.append("progress 100") } }
        _ = try await task.value
        XCTAssertTrue(seen.all.contains("headers 200"))
        XCTAssertTrue(seen.all.contains("progress 100"))
    }

    func testUploadFile_timeoutFailsWithTimeout() async throws {
        let path = try makeFile("t.bin", size: 1000)
        let task = session.uploadFile(UploadFileOption(url: server.url("/slowheaders?delay=3000"), filePath: path,
                                                       timeout: 300, method: .put))
        await XCTAssertThrowsTaroError(try await task.value, "uploadFile:fail timeout")
    }
}
