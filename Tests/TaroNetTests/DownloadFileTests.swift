import Foundation
import TaroNet
import TaroServer
import XCTest

/// Taro.downloadFile end to end: real libcurl against a real loopback server.
final class DownloadFileTests: LoopbackTestCase {

    private func download(_ path: String, to name: String, timeout: Int = 60_000) async throws -> DownloadFileResult {
        try await session.downloadFile(DownloadFileOption(url: server.url(path), timeout: timeout,
                                                          filePath: dir.file(name))).value
    }

    func testSizesArriveByteExact() async throws {
        for size in [0, 1, 10 << 20] as [Int64] {
            let name = "f\(size).bin"
            let result = try await download("/bytes/\(size)?seed=\(size + 7)", to: name)
            XCTAssertEqual(result.statusCode, 200)
            XCTAssertEqual(result.errMsg, "downloadFile:ok")
            XCTAssertEqual(result.filePath, dir.file(name))
            XCTAssertNil(result.tempFilePath)
            XCTAssertEqual(result.dataLength, size)
            XCTAssertEqual(fileSize(dir.file(name)), size)
            XCTAssertEqual(try sha256sum(dir.file(name)), DeterministicBody.sha256Hex(seed: UInt64(size + 7), size: size))
        }
        XCTAssertEqual(dir.contents, ["f0.bin", "f1.bin", "f10485760.bin"], "no .part files left behind")
    }

    func testLargeDownloadArrivesByteExact() async throws {
        let size: Int64 = 256 << 20
        let result = try await download("/bytes/\(size)?seed=99", to: "big.bin")
        XCTAssertEqual(result.dataLength, size)
        XCTAssertEqual(try sha256sum(dir.file("big.bin")), DeterministicBody.sha256Hex(seed: 99, size: size))
    }

    func testWithoutFilePathTheFileGoesToATemporaryPath() async throws {
        let result = try await session.downloadFile(DownloadFileOption(url: server.url("/bytes/1000?seed=3"))).value
        let temp = try XCTUnwrap(result.tempFilePath)
        XCTAssertNil(result.filePath)
        XCTAssertTrue(temp.hasSuffix("1000"), temp)
        XCTAssertEqual(try sha256sum(temp), DeterministicBody.sha256Hex(seed: 3, size: 1000))
        try? FileManager.default.removeItem(atPath: temp)
    }

    func testFiftyDownloadsNeverExceedTheConcurrencyLimit() async throws {
        session.close()
        session = TaroSession(limits: SchedulerLimits(global: 8, perHost: 8))
        let tasks = (0..<50).map { i in
            session.downloadFile(DownloadFileOption(
                url: server.url("/bytes/100000?seed=\(i)&rate=1000000"), filePath: dir.file("n\(i)")))
        }
        for (i, task) in tasks.enumerated() {
            let result = try await task.value
            XCTAssertEqual(result.dataLength, 100_000)
            XCTAssertEqual(try sha256sum(dir.file("n\(i)")), DeterministicBody.sha256Hex(seed: UInt64(i), size: 100_000))
        }
        XCTAssertLessThanOrEqual(server.peakConcurrentRequests, 8)
        XCTAssertGreaterThanOrEqual(server.peakConcurrentRequests, 4, "transfers did run side by side")
        let peak = await session.counts().peak
        XCTAssertEqual(peak, 8)
    }

    func testAbortMidTransferFailsThenCompletesAndLeavesNoFile() async throws {
        let download = SlowDownload(session: session, server: server, target: dir.file("aborted.bin"))
        await download.waitForBytes()
        download.task.abort()
        await download.assertAborted { try await download.task.value }
        download.task.abort()  // after settling: nothing happens
        try await Task.sleep(for: .milliseconds(100))
        XCTAssertEqual(download.order.count, 2)
    }

    func testAbortWhileQueuedSettlesWithoutTouchingTheServer() async throws {
        session.close()
        session = TaroSession(limits: SchedulerLimits(global: 1, perHost: 1))
        let first = session.downloadFile(DownloadFileOption(url: server.url("/bytes/3000000?rate=3000000"), filePath: dir.file("a")))
        let second = session.downloadFile(DownloadFileOption(url: server.url("/bytes/10?seed=42"), filePath: dir.file("b")))
        second.abort()
        await XCTAssertThrowsTaroError(try await second.value, "downloadFile:fail abort")
        _ = try await first.value
        XCTAssertFalse(server.requestLog.contains { $0.target.contains("seed=42") })
    }

    func testTimeoutFailsWithTimeout() async throws {
        let task = session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/100000?stallAfter=1000"), timeout: 500, filePath: dir.file("t")))
        await XCTAssertThrowsTaroError(try await task.value, "downloadFile:fail timeout")
        XCTAssertFalse(fileExists(dir.file("t")))
        XCTAssertFalse(fileExists(dir.file("t.part")))
    }

    func test404IsASuccessWithItsStatusCode() async throws {
        let result = try await download("/status/404", to: "nf")
        XCTAssertEqual(result.statusCode, 404)
        XCTAssertEqual(result.errMsg, "downloadFile:ok")
    }

    func testRedirectChainFiresHeadersReceivedOnceForTheFinalResponse() async throws {
        let headers = EventRecorder<HeadersReceivedResult>()
        let task = session.downloadFile(DownloadFileOption(
            url: server.url("/redirect/3?to=/bytes/500"), filePath: dir.file("r")))
        task.onHeadersReceived { headers.append($0) }
        let result = try await task.value
        XCTAssertEqual(result.dataLength, 500)
        XCTAssertEqual(headers.count, 1)
        XCTAssertEqual(headers.all.first?.statusCode, 200)
        XCTAssertEqual(headers.all.first?.header["Content-Length"], "500")
        XCTAssertEqual(task.snapshot?.exchange.responses.count, 4, "three hops and the final response are kept for the pane")
    }

    func testOffRemovesOneListenerOrAll() async throws {
        let a = EventRecorder<Int>(), b = EventRecorder<Int>(), c = EventRecorder<Int>()
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/2000"), filePath: dir.file("o")))
        let tokenA = task.onHeadersReceived { _ in a.append(1) }
        task.onHeadersReceived { _ in b.append(1) }
        task.offHeadersReceived(tokenA)
        let p1 = task.onProgressUpdate { _ in c.append(1) }
        task.onProgressUpdate { _ in c.append(2) }
        task.offProgressUpdate()
        _ = p1
        _ = try await task.value
        try await Task.sleep(for: .milliseconds(50))
        XCTAssertEqual(a.count, 0)
        XCTAssertEqual(b.count, 1)
        XCTAssertEqual(c.count, 0)
    }

    func testProgressIsMonotonicAndEndsAt100() async throws {
        let progress = EventRecorder<DownloadProgressResult>()
        let task = session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/4000000?rate=8000000"), filePath: dir.file("p")))
        task.onProgressUpdate { progress.append($0) }
        _ = try await task.value
        let events = progress.all
        XCTAssertGreaterThan(events.count, 2)
        XCTAssertLessThan(events.count, 20, "coalesced to about 10 Hz")
        XCTAssertEqual(events.last?.progress, 100)
        XCTAssertEqual(events.last?.totalBytesWritten, 4_000_000)
        XCTAssertEqual(events.last?.totalBytesExpectedToWrite, 4_000_000)
        for (a, b) in zip(events, events.dropFirst()) {
            XCTAssertLessThanOrEqual(a.progress, b.progress)
            XCTAssertLessThanOrEqual(a.totalBytesWritten, b.totalBytesWritten)
        }
    }

    func testUnknownLengthReportsZeroExpectedAndNeverNaN() async throws {
        let progress = EventRecorder<DownloadProgressResult>()
        let task = session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/1000000?nolength=1&rate=4000000"), filePath: dir.file("u")))
        task.onProgressUpdate { progress.append($0) }
        let result = try await task.value
        XCTAssertEqual(result.dataLength, 1_000_000)
        let events = progress.all
        XCTAssertGreaterThan(events.count, 1)
        for event in events.dropLast() {
            XCTAssertEqual(event.totalBytesExpectedToWrite, 0)
            XCTAssertEqual(event.progress, 0)
        }
        XCTAssertEqual(events.last?.progress, 100)
        XCTAssertEqual(events.last?.totalBytesWritten, 1_000_000)
    }

    func testConnectionRefusedFailsWithAClearMessage() async throws {
        let task = session.downloadFile(DownloadFileOption(url: "http://127.0.0.1:1/x", filePath: dir.file("c")))
        do {
            _ = try await task.value
            XCTFail("expected a failure")
        } catch let error as TaroError {
            XCTAssertTrue(error.errMsg.hasPrefix("downloadFile:fail "), error.errMsg)
            XCTAssertTrue(error.errMsg.localizedCaseInsensitiveContains("refused")
                          || error.errMsg.localizedCaseInsensitiveContains("connect"), error.errMsg)
        }
    }

    func testASlowOrThrowingListenerDoesNotStallOtherTransfers() async throws {
        struct ListenerFailure: Error {}
        let slow = session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/2000000?rate=4000000"), filePath: dir.file("slow")))
        slow.onProgressUpdate { _ in
            Thread.sleep(forTimeInterval: 0.5)
            throw ListenerFailure()
        }
        let secondListener = EventRecorder<Int>()
        slow.onProgressUpdate { secondListener.append($0.progress) }
        try await Task.sleep(for: .milliseconds(150))
        let start = Date()
        let fast = try await session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/100000"), filePath: dir.file("fast"))).value
        XCTAssertEqual(fast.dataLength, 100_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.4, "the other transfer was not held up by the slow listener")
        let slowResult = try await slow.value
        XCTAssertEqual(slowResult.dataLength, 2_000_000)
        XCTAssertEqual(try sha256sum(dir.file("slow")), DeterministicBody.sha256Hex(seed: 1, size: 2_000_000))
        XCTAssertGreaterThan(secondListener.count, 0, "a listener after a throwing one still fires")
    }

    func testAnExistingFileIsNeverClobbered() async throws {
        let target = dir.file("keep.txt")
        try "precious".write(toFile: target, atomically: false, encoding: .utf8)
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/100"), filePath: target))
        await XCTAssertThrowsTaroError(try await task.value, "downloadFile:fail file exists: \(target)")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "precious")
    }

    func testEventsArriveInOrderHeadersProgressSuccessComplete() async throws {
        let order = EventRecorder<String>()
        let task = session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/1000000?rate=5000000"), filePath: dir.file("ord"),
            success: { _ in order.append("success") },
            fail: { _ in order.append("fail") },
            complete: { _ in order.append("complete") }))
        task.onHeadersReceived { _ in order.append("headers") }
        task.onProgressUpdate { order.append($0.progress == 100 ? "progress100" : "progress") }
        _ = try await task.value
        let events = order.all
        XCTAssertEqual(events.first, "headers")
        XCTAssertEqual(Array(events.suffix(3)), ["progress100", "success", "complete"])
        XCTAssertEqual(events.filter { $0 == "headers" }.count, 1)
    }

    func testMalformedAndUnsupportedURLsFailAtOnce() async throws {
        await XCTAssertThrowsTaroError(try await session.downloadFile(DownloadFileOption(url: "not a url")).value,
                                       "downloadFile:fail invalid url: not a url")
        await XCTAssertThrowsTaroError(try await session.downloadFile(DownloadFileOption(url: "ftp://127.0.0.1/x")).value,
                                       "downloadFile:fail unsupported protocol: ftp (only http and https)")
    }
}

func XCTAssertThrowsTaroError<T>(_ expression: @autoclosure () async throws -> T, _ errMsg: String,
                                 file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await expression()
        XCTFail("expected \(errMsg)", file: file, line: line)
    } catch let error as TaroError {
        XCTAssertEqual(error.errMsg, errMsg, file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}
