import Foundation
import TaroNet
import TaroServer
import XCTest

/// Every RequestTask method of the seed pages (RequestTask.en.md, RequestTask.zh.md)
/// and WeChat's semantics for Taro.request, against the loopback server.
final class RequestTaskConformanceTests: LoopbackTestCase {
    private func echo(_ option: RequestOption) async throws -> JSONValue {
        let result = try await session.request(option).value
        XCTAssertEqual(result.statusCode, 200)
        return try XCTUnwrap(result.data.json, "echo answers JSON")
    }

    // MARK: abort

    func testRequestTask_abort_failsWithAbortThenCompleteThenTheAwaiterThrows() async throws {
        let order = EventRecorder<String>()
        let task = session.request(RequestOption(
            url: server.url("/bytes/1000000?rate=200000"),
            success: { _ in order.append("success") },
            fail: { order.append("fail " + $0.errMsg) },
            complete: { order.append("complete " + $0.errMsg) }))
        try await Task.sleep(for: .milliseconds(200))
        task.abort()
        await XCTAssertThrowsTaroError(try await task.value, "request:fail abort")
        XCTAssertEqual(order.all, ["fail request:fail abort", "complete request:fail abort"])
        task.abort()
        try await Task.sleep(for: .milliseconds(50))
        XCTAssertEqual(order.count, 2, "abort after settling does nothing")
    }

    func testRequestTask_abort_afterSuccessDoesNothing() async throws {
        let order = EventRecorder<String>()
        let task = session.request(RequestOption(url: server.url("/json"),
                                                 success: { _ in order.append("success") },
                                                 fail: { _ in order.append("fail") },
                                                 complete: { _ in order.append("complete") }))
        let result = try await task.value
        task.abort()
        try await Task.sleep(for: .milliseconds(50))
        XCTAssertEqual(result.errMsg, "request:ok")
        XCTAssertEqual(order.all, ["success", "complete"])
    }

    // MARK: onHeadersReceived / offHeadersReceived

    func testRequestTask_onHeadersReceived_firesOnceBeforeSuccessWithHeaderStatusAndCookies() async throws {
        let order = EventRecorder<String>()
        let headers = EventRecorder<HeadersReceivedResult>()
        let task = session.request(RequestOption(url: server.url("/cookies"),
                                                 success: { _ in order.append("success") },
                                                 complete: { _ in order.append("complete") }))
        task.onHeadersReceived { headers.append($0); order.append("headers") }
        let result = try await task.value
        XCTAssertEqual(order.all, ["headers", "success", "complete"])
        let h = try XCTUnwrap(headers.all.first)
        XCTAssertEqual(headers.count, 1)
        XCTAssertEqual(h.statusCode, 200)
        XCTAssertEqual(h.cookies.count, 2)
        XCTAssertEqual(result.cookies, h.cookies)
        XCTAssertNotNil(h.header["Set-Cookie"] ?? h.header["set-cookie"])
    }

    func testRequestTask_offHeadersReceived_removesOneWithItsTokenAndAllWithout() async throws {
        let kept = EventRecorder<Int>(), removed = EventRecorder<Int>()
        let task = session.request(RequestOption(url: server.url("/slowheaders?delay=100")))
        let token = task.onHeadersReceived { _ in removed.append(1) }
        task.onHeadersReceived { _ in kept.append(1) }
        task.offHeadersReceived(token)
        _ = try await task.value
        XCTAssertEqual(removed.count, 0)
        XCTAssertEqual(kept.count, 1)

        let all = EventRecorder<Int>()
        let second = session.request(RequestOption(url: server.url("/slowheaders?delay=100")))
        second.onHeadersReceived { _ in all.append(1) }
        second.onHeadersReceived { _ in all.append(2) }
        second.offHeadersReceived()
        _ = try await second.value
        XCTAssertEqual(all.count, 0)
    }

    func testRequestTask_onHeadersReceived_sameClosureTwiceFiresTwiceInOrder() async throws {
        let calls = EventRecorder<String>()
        let listener: @Sendable (HeadersReceivedResult) -> Void = { _ in calls.append("same") }
        let task = session.request(RequestOption(url: server.url("/slowheaders?delay=100")))
        task.onHeadersReceived(listener)
        task.onHeadersReceived { _ in calls.append("other") }
        task.onHeadersReceived(listener)
        _ = try await task.value
        XCTAssertEqual(calls.all, ["same", "other", "same"])
    }

    // MARK: onChunkReceived / offChunkReceived

    func testRequestTask_onChunkReceived_deliversEveryByteOnceInOrderAndTheFirstEarly() async throws {
        let chunks = EventRecorder<(Date, [UInt8])>()
        let task = session.request(RequestOption(url: server.url("/chunks?count=5&size=3000&interval=200"),
                                                 responseType: "arraybuffer", enableChunked: true))
        task.onChunkReceived { chunks.append((Date(), $0.data)) }
        let result = try await task.value
        let done = Date()
        let body = try XCTUnwrap(result.data.bytes)
        XCTAssertEqual(body.count, 15_000)
        XCTAssertEqual(chunks.all.flatMap(\.1), body, "every byte exactly once, in order")
        XCTAssertGreaterThan(chunks.count, 1)
        let first = try XCTUnwrap(chunks.all.first?.0)
        XCTAssertGreaterThan(done.timeIntervalSince(first), 0.5, "the first chunk came long before the last was sent")
    }

    func testRequestTask_offChunkReceived_removesOneAndAll() async throws {
        let removed = EventRecorder<Int>(), kept = EventRecorder<Int>()
        let task = session.request(RequestOption(url: server.url("/chunks?count=3&size=100&interval=50"), enableChunked: true))
        let token = task.onChunkReceived { _ in removed.append(1) }
        task.onChunkReceived { kept.append($0.data.count) }
        task.offChunkReceived(token)
        _ = try await task.value
        XCTAssertEqual(removed.count, 0)
        XCTAssertEqual(kept.all.reduce(0, +), 300)

        let none = EventRecorder<Int>()
        let second = session.request(RequestOption(url: server.url("/chunks?count=3&size=100&interval=50"), enableChunked: true))
        second.onChunkReceived { _ in none.append(1) }
        second.offChunkReceived()
        _ = try await second.value
        XCTAssertEqual(none.count, 0)
    }

    // MARK: options

    func testRequest_GETObjectDataBecomesAPercentEncodedQuery() async throws {
        let json = try await echo(RequestOption(url: server.url("/echo"), data: .object(["x": "a b&c", "y": 2])))
        XCTAssertEqual(json["method"]?.stringValue, "GET")
        XCTAssertEqual(json["target"]?.stringValue, "/echo?x=a%20b%26c&y=2")
    }

    func testRequest_POSTObjectIsJSONByDefault() async throws {
        let json = try await echo(RequestOption(url: server.url("/echo"), data: .object(["x": "1", "n": 3]), method: .POST))
        XCTAssertEqual(json["body"]?.stringValue, #"{"n":3,"x":"1"}"#)
        let contentType = json["headers"]?.arrayPairs.first { $0.0.lowercased() == "content-type" }?.1
        XCTAssertEqual(contentType, "application/json")
    }

    func testRequest_POSTObjectIsFormEncodedForAFormContentType() async throws {
        let json = try await echo(RequestOption(
            url: server.url("/echo"), data: .object(["a": "x y", "b": "é"]),
            header: ["Content-Type": "application/x-www-form-urlencoded"], method: .POST))
        XCTAssertEqual(json["body"]?.stringValue, "a=x%20y&b=%C3%A9")
    }

    func testRequest_rawBytesAndTextAreSentAsGiven() async throws {
        let bytes: [UInt8] = [0, 1, 2, 255]
        let json = try await echo(RequestOption(url: server.url("/echo"), data: .bytes(bytes),
                                                header: ["content-type": "application/octet-stream"], method: .PUT))
        XCTAssertEqual(json["bodyLength"]?.intValue, 4)
        XCTAssertEqual(json["method"]?.stringValue, "PUT")
        let text = try await echo(RequestOption(url: server.url("/echo"), data: .text("hello"), method: .PATCH))
        XCTAssertEqual(text["body"]?.stringValue, "hello")
        XCTAssertEqual(text["method"]?.stringValue, "PATCH")
    }

    func testRequest_everyMethodIsSent() async throws {
        for method in RequestOption.Method.allCases where method != .CONNECT {
            let result = try await session.request(RequestOption(url: server.url("/echo"), method: method)).value
            XCTAssertEqual(result.statusCode, 200, method.rawValue)
            if method != .HEAD {
                XCTAssertEqual(result.data.json?["method"]?.stringValue, method.rawValue)
            }
        }
        let logged = server.requestLog.map(\.method)
        XCTAssertTrue(logged.contains("HEAD") && logged.contains("OPTIONS") && logged.contains("TRACE"))
    }

    func testRequest_dataTypeJSONParsesAndOtherDataTypesLeaveText() async throws {
        let parsed = try await session.request(RequestOption(url: server.url("/json"))).value
        XCTAssertEqual(parsed.data.json?["n"]?.intValue, 42)
        XCTAssertEqual(parsed.data.json?["name"]?.stringValue, "taro")
        let raw = try await session.request(RequestOption(url: server.url("/json"), dataType: "text")).value
        XCTAssertEqual(raw.data.text?.contains("\"ok\""), true)
        XCTAssertNil(raw.data.json)
        let notJSON = try await session.request(RequestOption(url: server.url("/status/200"))).value
        XCTAssertNotNil(notJSON.data.text, "a body that is not JSON stays text")
        let buffer = try await session.request(RequestOption(url: server.url("/bytes/64?seed=4"), responseType: "arraybuffer")).value
        XCTAssertEqual(buffer.data.bytes, DeterministicBody.bytes(seed: 4, count: 64))
    }

    func testRequest_4xxAnd5xxAreSuccessesWithTheirStatus() async throws {
        for code in [400, 404, 500, 503] {
            let result = try await session.request(RequestOption(url: server.url("/status/\(code)"))).value
            XCTAssertEqual(result.statusCode, code)
            XCTAssertEqual(result.errMsg, "request:ok")
        }
    }

    func testRequest_timeoutFailsWithTimeout() async throws {
        let task = session.request(RequestOption(url: server.url("/slowheaders?delay=3000"), timeout: 300))
        await XCTAssertThrowsTaroError(try await task.value, "request:fail timeout")
    }

    func testRequest_redirectFollowAndManual() async throws {
        let headers = EventRecorder<Int>()
        let followed = session.request(RequestOption(url: server.url("/redirect/2?to=/json")))
        followed.onHeadersReceived { headers.append($0.statusCode) }
        let result = try await followed.value
        XCTAssertEqual(result.statusCode, 200)
        XCTAssertEqual(headers.all, [200])

        let manualHeaders = EventRecorder<HeadersReceivedResult>()
        let manual = session.request(RequestOption(url: server.url("/redirect/2?to=/json"), redirect: "manual"))
        manual.onHeadersReceived { manualHeaders.append($0) }
        let stopped = try await manual.value
        XCTAssertEqual(stopped.statusCode, 302)
        XCTAssertEqual(manualHeaders.all.map(\.statusCode), [302])
        XCTAssertEqual(manualHeaders.all.first?.header["Location"]?.hasPrefix("/redirect/1"), true)
    }

    /// On loopback a response can be in before the line after `request(...)`
    /// registers its listener; the caller must hear the headers all the same,
    /// once, and before a later `await value` returns.
    func testRequest_aHeaderListenerAddedAfterTheResponseStillHearsItOnce() async throws {
        let task = session.request(RequestOption(url: server.url("/json")))
        _ = try await task.value
        let heard = EventRecorder<Int>()
        let token = task.onHeadersReceived { heard.append($0.statusCode) }
        _ = try await task.value
        XCTAssertEqual(heard.all, [200])
        task.offHeadersReceived(token)
        task.onHeadersReceived { heard.append($0.statusCode + 1) }
        _ = try await task.value
        XCTAssertEqual(heard.all, [200, 201], "a removed listener hears nothing more; a new one hears the headers")
    }

    func testRequest_profileHasCurlTimings() async throws {
        let result = try await session.request(RequestOption(url: server.url("/bytes/100000"))).value
        XCTAssertGreaterThan(result.profile.total, 0)
        XCTAssertGreaterThanOrEqual(result.profile.firstByte, result.profile.connect)
        XCTAssertEqual(result.profile.bytesReceived, 100_000)
        XCTAssertEqual(result.profile.remoteAddress, "127.0.0.1:\(server.port)")
        XCTAssertEqual(result.profile.httpVersion, "HTTP/1.1")
    }

    // MARK: callback and await styles

    func testCallbacksAndAwaitOnTheSameTaskBothSeeTheResult() async throws {
        let seen = EventRecorder<String>()
        let task = session.request(RequestOption(url: server.url("/json"),
                                                 success: { seen.append("success \($0.statusCode)") },
                                                 complete: { seen.append("complete " + $0.errMsg) }))
        let result = try await task.value
        XCTAssertEqual(result.statusCode, 200)
        XCTAssertEqual(seen.all, ["success 200", "complete request:ok"], "callbacks ran before the awaiter resumed")
        let again = try await task.value
        XCTAssertEqual(again.statusCode, 200, "a settled task can be awaited again")
    }

    func testCallbacksOnlyStyleWorksWithoutAwaiting() async throws {
        let seen = EventRecorder<String>()
        _ = session.request(RequestOption(url: server.url("/json"), complete: { seen.append($0.errMsg) }))
        let done = await seen.wait { $0.count == 1 }
        XCTAssertTrue(done)
        XCTAssertEqual(seen.all, ["request:ok"])
    }

    // MARK: errors a caller can act on

    func testErrorsAreDistinctAndReadable() async throws {
        func failure(_ url: String) async -> String {
            do {
                _ = try await session.request(RequestOption(url: url, timeout: 5000)).value
                return "succeeded"
            } catch {
                return (error as? TaroError)?.errMsg ?? "\(error)"
            }
        }
        let malformed = await failure("http://exa mple.com/")
        let fileScheme = await failure("file:///etc/passwd")
        let ftp = await failure("ftp://127.0.0.1/")
        let dns = await failure("http://no-such-host.invalid/")
        let refused = await failure("http://127.0.0.1:1/")
        let notTLS = try RawReplyServer(reply: "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
        defer { notTLS.stop() }
        let tls = await failure("https://127.0.0.1:\(notTLS.port)/")
        XCTAssertEqual(malformed, "request:fail invalid url: http://exa mple.com/")
        XCTAssertEqual(fileScheme, "request:fail unsupported protocol: file (only http and https)")
        XCTAssertEqual(ftp, "request:fail unsupported protocol: ftp (only http and https)")
        XCTAssertTrue(dns.contains("resolve"), dns)
        XCTAssertTrue(refused.contains("refused") || refused.contains("connect"), refused)
        XCTAssertTrue(tls.uppercased().contains("SSL") || tls.uppercased().contains("TLS"), tls)
        let all = [malformed, fileScheme, ftp, dns, refused, tls]
        XCTAssertEqual(Set(all).count, all.count, "each failure reads differently")
        for message in all { XCTAssertTrue(message.hasPrefix("request:fail "), message) }
    }
}

extension JSONValue {
    /// The echo route's headers: [[name, value], …].
    var arrayPairs: [(String, String)] {
        guard case .array(let items) = self else { return [] }
        return items.compactMap { item in
            guard let name = item[0]?.stringValue, let value = item[1]?.stringValue else { return nil }
            return (name, value)
        }
    }
}

final class RequestBodyLimitTests: XCTestCase {
    func testAnEndlessBodyStopsAtTheLimit() async throws {
        let server = try TaroServer()
        defer { server.stop() }
        let session = TaroSession()
        defer { session.close() }
        var option = RequestOption(url: server.url("/bytes/5000000?nolength=1"))
        option.maxBodyBytes = 1_000_000
        await XCTAssertThrowsTaroError(try await session.request(option).value,
                                       "request:fail response body larger than 1000000 bytes")
    }
}
