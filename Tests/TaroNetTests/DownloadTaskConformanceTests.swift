import Foundation
import TaroNet
import TaroServer
import XCTest

/// The DownloadTask methods of the seed pages (DownloadTask.en.md, DownloadTask.zh.md)
/// named one by one; DownloadFileTests covers the transfer itself in depth.
final class DownloadTaskConformanceTests: LoopbackTestCase {
    func testDownloadTask_abort_beforeAnyByteLeavesNothing() async throws {
        let target = dir.file("a.bin")
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/1000?delay=500"), filePath: target))
        task.abort()
        await XCTAssertThrowsTaroError(try await task.value, "downloadFile:fail abort")
        XCTAssertEqual(dir.contents, [])
    }

    func testDownloadTask_onHeadersReceived_carriesTheHeaderRecord() async throws {
        let headers = EventRecorder<HeadersReceivedResult>()
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/10?etag=v1"), filePath: dir.file("h")))
        task.onHeadersReceived { headers.append($0) }
        _ = try await task.value
        XCTAssertEqual(headers.count, 1)
        XCTAssertEqual(headers.all.first?.header["ETag"], "\"v1\"")
    }

    func testDownloadTask_offHeadersReceived_withAndWithoutToken() async throws {
        let removed = EventRecorder<Int>(), kept = EventRecorder<Int>()
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/10?delay=100"), filePath: dir.file("o")))
        let token = task.onHeadersReceived { _ in removed.append(1) }
        task.onHeadersReceived { _ in kept.append(1) }
        task.offHeadersReceived(token)
        let none = EventRecorder<Int>()
        let second = session.downloadFile(DownloadFileOption(url: server.url("/bytes/10?delay=100"), filePath: dir.file("o2")))
        second.onHeadersReceived { _ in none.append(1) }
        second.offHeadersReceived()
        _ = try await task.value
        _ = try await second.value
        XCTAssertEqual(removed.count, 0)
        XCTAssertEqual(kept.count, 1)
        XCTAssertEqual(none.count, 0)
    }

    func testDownloadTask_onProgressUpdate_reportsWrittenAndExpected() async throws {
        let events = EventRecorder<DownloadProgressResult>()
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/2000000?rate=4000000"), filePath: dir.file("p")))
        task.onProgressUpdate { events.append($0) }
        _ = try await task.value
        XCTAssertTrue(events.all.dropLast().contains { $0.progress > 0 && $0.progress < 100 })
        XCTAssertTrue(events.all.allSatisfy { $0.totalBytesExpectedToWrite == 2_000_000 })
    }

    /// A listener registered after a fast transfer ended still hears where it
    /// got to (the latest progress, once) and its headers.
    func testDownloadTask_listenersAddedAfterTheEndHearTheLatestEventOnce() async throws {
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/10?etag=v2"), filePath: dir.file("late")))
        _ = try await task.value
        let progress = EventRecorder<Int>(), headers = EventRecorder<String?>()
        task.onProgressUpdate { progress.append($0.progress) }
        task.onHeadersReceived { headers.append($0.header["ETag"]) }
        _ = try await task.value
        XCTAssertEqual(progress.all, [100])
        XCTAssertEqual(headers.all, ["\"v2\""])
    }

    func testDownloadTask_offProgressUpdate_withAndWithoutToken() async throws {
        let removed = EventRecorder<Int>(), kept = EventRecorder<Int>()
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/500000?rate=2000000"), filePath: dir.file("q")))
        let token = task.onProgressUpdate { _ in removed.append(1) }
        task.onProgressUpdate { kept.append($0.progress) }
        task.offProgressUpdate(token)
        _ = try await task.value
        XCTAssertEqual(removed.count, 0)
        XCTAssertEqual(kept.all.last, 100)
    }

    func testDownloadTask_headersReceivedAndProgressAliasesChain() async throws {
        let seen = EventRecorder<String>()
        let task = session.downloadFile(DownloadFileOption(url: server.url("/bytes/300000"), filePath: dir.file("c")))
            .headersReceived { seen.append("headers \($0.statusCode)") }
            .progress { if $0.progress == 100 { seen.append("progress 100") } }
        _ = try await task.value
        XCTAssertEqual(seen.all.first, "headers 200")
        XCTAssertEqual(seen.all.last, "progress 100")
    }

    func testTaroDownloadFileUsesTheSharedSession() async throws {
        let result = try await Taro.downloadFile(DownloadFileOption(url: server.url("/bytes/77?seed=2"), filePath: dir.file("s"))).value
        XCTAssertEqual(result.dataLength, 77)
        let request = try await Taro.request(RequestOption(url: server.url("/json"))).value
        XCTAssertEqual(request.statusCode, 200)
    }
}
