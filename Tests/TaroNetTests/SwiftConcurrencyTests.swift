import Foundation
import TaroNet
import TaroServer
import XCTest

/// The Swift side of the task API against the loopback server: cancelling
/// the Swift `Task` that awaits `value` aborts the transfer, and the
/// `AsyncStream` views of a task's events end when the task settles.
final class SwiftConcurrencyTests: LoopbackTestCase {

    func testCancellingTheAwaitingSwiftTaskAbortsTheDownload() async throws {
        let download = SlowDownload(session: session, server: server, target: dir.file("cancelled.bin"))
        let task = download.task
        let waiter = Task { try await task.value }
        await download.waitForBytes()
        waiter.cancel()
        await download.assertAborted { try await waiter.value }
        XCTAssertEqual(task.snapshot?.state, .aborted)
    }

    func testASwiftTaskCancelledBeforeItAwaitsAbortsTheRequest() async throws {
        let task = session.request(RequestOption(url: server.url("/chunks?count=50&size=100&interval=200")))
        let waiter = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await task.value
        }
        await XCTAssertThrowsTaroError(try await waiter.value, "request:fail abort")
    }

    func testCancellingAfterTheTaskSettledChangesNothing() async throws {
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/1000?seed=8"), filePath: dir.file("done.bin")))
        _ = try await task.value
        let waiter = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await task.value
        }
        let result = try await waiter.value
        XCTAssertEqual(result.errMsg, "downloadFile:ok")
        XCTAssertEqual(try sha256sum(dir.file("done.bin")), DeterministicBody.sha256Hex(seed: 8, size: 1000))
    }

    func testProgressUpdatesEndWhenTheDownloadSettlesAndReachAHundred() async throws {
        let task = session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/3000000?seed=4&rate=6000000"), filePath: dir.file("p.bin")))
        var events: [DownloadProgressResult] = []
        for await p in task.progressUpdates { events.append(p) }  // ends by itself
        let result = try await task.value
        XCTAssertEqual(result.dataLength, 3_000_000)
        XCTAssertGreaterThan(events.count, 1, "progress came while the body was moving")
        XCTAssertEqual(events.last?.progress, 100)
        XCTAssertEqual(events.last?.totalBytesWritten, 3_000_000)
        XCTAssertEqual(events.map(\.totalBytesWritten), events.map(\.totalBytesWritten).sorted(), "never backwards")
    }

    func testUploadProgressUpdatesEndWhenTheUploadSettles() async throws {
        let path = dir.file("up.bin")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(repeating: 7, count: 2_000_000)))
        let task = session.uploadFile(UploadFileOption(url: server.url("/upload"), filePath: path, method: .put))
        var last: UploadProgressResult?
        for await p in task.progressUpdates { last = p }
        let result = try await task.value
        XCTAssertEqual(result.statusCode, 200)
        XCTAssertEqual(last?.progress, 100)
        XCTAssertEqual(last?.totalBytesSent, 2_000_000)
    }

    func testHeadersStreamYieldsTheFinalResponseOnceThenEnds() async throws {
        let task = session.downloadFile(DownloadFileOption(
            url: server.url("/redirect/2"), filePath: dir.file("h.bin")))
        var early: [HeadersReceivedResult] = []
        for await h in task.headers { early.append(h) }
        XCTAssertEqual(early.map(\.statusCode), [200])
        XCTAssertEqual(early.first?.header["Content-Length"], "16", "the final response's, after two redirects")
        _ = try await task.value
        // A stream made after the task settled still gets the headers, then ends.
        var late: [HeadersReceivedResult] = []
        for await h in task.headers { late.append(h) }
        XCTAssertEqual(late.map(\.statusCode), [200])
    }

    func testStreamsOfAFailedTaskEndWithoutHeaders() async throws {
        let task = session.request(RequestOption(url: "http://127.0.0.1:1/refused"))
        var headers = 0
        for await _ in task.headers { headers += 1 }
        var chunks = 0
        for await _ in task.chunks { chunks += 1 }
        XCTAssertEqual(headers, 0)
        XCTAssertEqual(chunks, 0)
        do {
            _ = try await task.value
            XCTFail("a refused connection must fail")
        } catch let error as TaroError {
            XCTAssertTrue(error.errMsg.hasPrefix("request:fail "), error.errMsg)
        }
    }

    func testChunksStreamDeliversEveryByteOnceInOrderThenEnds() async throws {
        let task = session.request(RequestOption(url: server.url("/chunks?count=5&size=3000&interval=100"),
                                                 responseType: "arraybuffer", enableChunked: true))
        var received: [UInt8] = []
        var pieces = 0
        for await chunk in task.chunks {
            received += chunk.data
            pieces += 1
        }
        let result = try await task.value
        let body = try XCTUnwrap(result.data.bytes)
        XCTAssertEqual(body.count, 15_000)
        XCTAssertEqual(received.count, body.count)
        XCTAssertTrue(received == body, "every byte exactly once, in order")
        XCTAssertGreaterThan(pieces, 1)
    }

    /// Chunks in before anyone listened are not lost: the first stream gets
    /// them first, then the rest, in order.
    func testAStreamOpenedLateStillGetsTheChunksThatCameBeforeIt() async throws {
        let task = session.request(RequestOption(url: server.url("/chunks?count=5&size=3000&interval=150"),
                                                 responseType: "arraybuffer", enableChunked: true))
        try await Task.sleep(for: .milliseconds(400))
        var received: [UInt8] = []
        for await chunk in task.chunks { received += chunk.data }
        let result = try await task.value
        let body = try XCTUnwrap(result.data.bytes)
        XCTAssertEqual(body.count, 15_000)
        XCTAssertEqual(received.count, body.count, "the chunks before the stream came too")
        XCTAssertTrue(received == body, "every byte exactly once, in order")
    }

    func testLeavingAStreamEarlyStopsItsListenerAndTheTaskGoesOn() async throws {
        let task = session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/2000000?seed=6&rate=4000000"), filePath: dir.file("early.bin")))
        for await p in task.progressUpdates where p.totalBytesWritten > 0 { break }
        let result = try await task.value
        XCTAssertEqual(result.dataLength, 2_000_000)
        XCTAssertEqual(try sha256sum(dir.file("early.bin")), DeterministicBody.sha256Hex(seed: 6, size: 2_000_000))
    }
}
