import Foundation
import TaroNet
import TaroServer
import XCTest

/// `taro-tui get | upload | request` through the real binary: exit status,
/// files, JSON events, streamed URL lists, and escaped server text.
final class HeadlessCommandTests: BinaryTestCase {

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
    }

    /// Runs the binary to the end (bounded), feeding `stdin` if given.
    func taro(_ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try XCTUnwrap(TaroBinary.path))
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: Array(outData))
    }

    var state: [String] { ["--state-dir", dir.file("state")] }

    func testGetDownloadsEveryURLAndExitsZero() throws {
        let run = try taro(["get"] + state + ["-d", dir.path, server.url("/bytes/1000?seed=1"), server.url("/bytes/2000?seed=2")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try sha256sum(dir.file("1000")), DeterministicBody.sha256Hex(seed: 1, size: 1000))
        XCTAssertEqual(try sha256sum(dir.file("2000")), DeterministicBody.sha256Hex(seed: 2, size: 2000))
        XCTAssertTrue(run.stderr.contains("2 done, 0 failed"), run.stderr)
    }

    func testAnyFailureExitsOneAndIsExplainedInOneLine() throws {
        let run = try taro(["get"] + state + ["-d", dir.path, server.url("/bytes/10"), server.url("/status/404"),
                                              "ftp://127.0.0.1/x"])
        XCTAssertEqual(run.status, 1)
        let failures = run.stderr.split(separator: "\n").filter { $0.hasPrefix("failed") }
        XCTAssertEqual(failures.count, 2, run.stderr)
        XCTAssertTrue(failures.contains { $0.contains("/status/404: HTTP 404 Not Found") }, run.stderr)
        XCTAssertTrue(failures.contains { $0.contains("ftp://127.0.0.1/x: unsupported protocol: ftp") }, run.stderr)
        XCTAssertTrue(fileExists(dir.file("10")), "the good one still arrived")
    }

    func testTheSummaryEndsWithEachFailureAndWhy() throws {
        let run = try taro(["get"] + state + ["-d", dir.path, server.url("/status/404"), server.url("/bytes/10"),
                                              "ftp://127.0.0.1/x"])
        XCTAssertEqual(run.status, 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        guard let summary = lines.lastIndex(where: { $0.contains("1 done, 2 failed") }) else {
            return XCTFail("no summary line: \(run.stderr)")
        }
        let listed = Array(lines[(summary + 1)...])
        XCTAssertEqual(listed.count, 2, run.stderr)
        XCTAssertTrue(listed.contains { $0.hasPrefix("  failed: ") && $0.contains("/status/404: HTTP 404 Not Found") }, run.stderr)
        XCTAssertTrue(listed.contains { $0.contains("ftp://127.0.0.1/x: unsupported protocol: ftp") }, run.stderr)
    }

    /// The list under the summary is for finding failures at a glance: a
    /// long list of them (each already printed as it happened) is cut, and
    /// says how many more there were.
    func testTheSummaryListsTwentyFailuresAndCountsTheRest() throws {
        let list = (0..<25).map { server.url("/status/404?n=\($0)") + "\n" }.joined()
        let run = try taro(["get"] + state + ["-d", dir.path, "-i", "-"], stdin: list)
        XCTAssertEqual(run.status, 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        guard let summary = lines.lastIndex(where: { $0.contains("0 done, 25 failed") }) else {
            return XCTFail("no summary line: \(run.stderr)")
        }
        let listed = Array(lines[(summary + 1)...])
        XCTAssertEqual(listed.filter { $0.hasPrefix("  failed: ") }.count, 20, run.stderr)
        XCTAssertEqual(listed.last, "  … and 5 more failed (each is named above)", run.stderr)
    }

    func testGetAndUploadKeepToTheirRateLimits() throws {
        let size = 3 << 20
        var started = Date()
        let get = try taro(["get"] + state + ["--limit-rate", "1M", "-d", dir.path,
                                              server.url("/bytes/\(size)?sndbuf=16384&seed=5")])
        let getSeconds = Date().timeIntervalSince(started)
        XCTAssertEqual(get.status, 0, get.stderr)
        XCTAssertEqual(try sha256sum(dir.file("\(size)")), DeterministicBody.sha256Hex(seed: 5, size: Int64(size)))
        // 3 MiB at 1 MiB/s: about three seconds (unlimited, it takes a few milliseconds).
        XCTAssertGreaterThan(getSeconds, 2.7, "the download kept to 1 MiB/s")
        XCTAssertLessThan(getSeconds, 30)

        let file = dir.file("up.bin")
        FileManager.default.createFile(atPath: file, contents: Data(count: 2 << 20))
        started = Date()
        let up = try taro(["upload", "--put", "--limit-rate-up-each", "1M", file, server.url("/upload")])
        XCTAssertEqual(up.status, 0, up.stderr)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 1.8, "the upload kept to 1 MiB/s")

        let bad = try taro(["get", "--limit-rate", "fast", "http://x/"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--limit-rate: not a rate: fast"), bad.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try taro(["get", "--bogus"]).status, 2)
        XCTAssertEqual(try taro(["get"] + state).status, 2, "no URL")
        XCTAssertEqual(try taro(["get", "-j", "0", "http://x/"]).status, 2)
        XCTAssertEqual(try taro(["get", "-o", "a", "http://x/1", "http://x/2"]).status, 2, "-o names one file")
        XCTAssertEqual(try taro(["upload", "only-one-argument"]).status, 2)
        XCTAssertEqual(try taro(["request", "-X", "BREW", "http://x/"]).status, 2)
        let run = try taro(["get", "--bogus"])
        XCTAssertTrue(run.stderr.contains("unknown option --bogus"), run.stderr)
        // A size past what a number holds is refused like any other, not a crash.
        let huge = try taro(["--rpc-max-request-size", "99999999999999999M"])
        XCTAssertEqual(huge.status, 2, huge.stderr)
        XCTAssertTrue(huge.stderr.contains("--rpc-max-request-size wants 1K to 64M, not 99999999999999999M"), huge.stderr)
    }

    /// A list that is no list (here /dev/zero: one endless line) ends the
    /// reading with the reason and exit 1: never a silent short list, and
    /// never all memory spent looking for a newline.
    func testAListThatIsNoListIsReportedAndFails() throws {
        let run = try taro(["get"] + state + ["-d", dir.path, "-i", "/dev/zero"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("/dev/zero: line 1 is longer than 1 MiB"), run.stderr)
        let printed = try taro(["get", "--print-curl", "-i", "/dev/zero"])
        XCTAssertEqual(printed.status, 1, printed.stderr)
        XCTAssertTrue(printed.stderr.contains("/dev/zero: line 1 is longer than 1 MiB"), printed.stderr)
    }

    /// The printed command carries the credentials get would use: of -u
    /// and --user, the last one given, as for every option.
    func testPrintCurlTakesTheLastCredentialsGiven() throws {
        for (args, user) in [(["-u", "a:1", "--user", "b:2"], "b"), (["--user", "a:1", "-u", "b:2"], "b")] {
            let run = try taro(["get", "--print-curl"] + args + ["http://h.example/f"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("-u '\(user):***'"), "\(args): \(run.stdout)")
        }
    }

    func testOutputNamesTheFileAndNeverReplacesOne() throws {
        let first = try taro(["get"] + state + ["-o", dir.file("named.bin"), server.url("/bytes/500?seed=3")])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(try sha256sum(dir.file("named.bin")), DeterministicBody.sha256Hex(seed: 3, size: 500))
        let again = try taro(["get"] + state + ["-o", dir.file("named.bin"), server.url("/bytes/900?seed=4")])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("file exists"), again.stderr)
        XCTAssertEqual(fileSize(dir.file("named.bin")), 500)
    }

    func testJSONPrintsOneEventPerLine() throws {
        let run = try taro(["get"] + state + ["--json", "--retries", "0", "-d", dir.path, server.url("/bytes/300000?rate=200000"),
                                              server.url("/status/500")])
        XCTAssertEqual(run.status, 1)
        let events = run.stdout.split(separator: "\n").compactMap { JSONValue.parse(Array($0.utf8)) }
        XCTAssertEqual(events.count, run.stdout.split(separator: "\n").count, "every line is one JSON object")
        let kinds = events.compactMap { $0["event"]?.stringValue }
        XCTAssertTrue(kinds.contains("headers"))
        XCTAssertTrue(kinds.contains("progress"), "a transfer of 1.5 s reports progress")
        XCTAssertEqual(kinds.filter { $0 == "done" }.count, 1)
        XCTAssertEqual(kinds.filter { $0 == "failed" }.count, 1)
        XCTAssertEqual(kinds.last, "summary")
        let done = try XCTUnwrap(events.first { $0["event"]?.stringValue == "done" })
        XCTAssertEqual(done["bytes"]?.intValue, 300_000)
        XCTAssertEqual(done["path"]?.stringValue, dir.file("300000"))
    }

    /// A transfer that fails and will be tried again says so at once, with
    /// the reason and the wait: a refused port or a 503 is not silence.
    func testEachRetryIsOneLineAndOneJSONEvent() throws {
        let url = server.url("/bytes/1000?seed=8&failFirst=2&failKey=plain&retryAfter=1")
        let run = try taro(["get"] + state + ["--retries", "3", "-d", dir.path, url])
        XCTAssertEqual(run.status, 0, run.stderr)
        let retries = run.stderr.split(separator: "\n").filter { $0.hasPrefix("retry ") }
        guard retries.count == 2 else { return XCTFail("two retry lines expected: \(run.stderr)") }
        XCTAssertTrue(retries[0].contains("attempt 1 failed: HTTP 503"), run.stderr)
        XCTAssertTrue(retries[1].contains("attempt 2 failed: HTTP 503"), run.stderr)
        XCTAssertTrue(retries.allSatisfy { $0.contains("1000") && $0.contains("retrying in") }, run.stderr)

        let json = try taro(["get"] + state + ["--json", "--retries", "3", "-o", dir.file("j.bin"),
                                               server.url("/bytes/1000?seed=8&failFirst=1&failKey=json&retryAfter=1")])
        XCTAssertEqual(json.status, 0, json.stderr)
        let events = json.stdout.split(separator: "\n").compactMap { JSONValue.parse(Array($0.utf8)) }
        let retry = try XCTUnwrap(events.first { $0["event"]?.stringValue == "retry" }, json.stdout)
        XCTAssertEqual(retry["attempt"]?.intValue, 1)
        XCTAssertTrue(retry["message"]?.stringValue?.contains("failed: HTTP 503") ?? false, json.stdout)
        XCTAssertTrue(retry["message"]?.stringValue?.contains("retrying in") ?? false, json.stdout)
    }

    func testAListOnStdinIsStreamedWithABoundedWindow() throws {
        // Sixty URLs naming the same file: each gets its own numbered name.
        let list = (0..<60).map { server.url("/bytes/1000?seed=\($0)&delay=20") + "\n" }.joined()
        let run = try taro(["get"] + state + ["-j", "4", "-d", dir.path, "-i", "-"], stdin: "# comment\n\n" + list)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("60 done, 0 failed"), run.stderr)
        XCTAssertLessThanOrEqual(server.peakConcurrentRequests, 4)
        XCTAssertEqual(dir.contents.filter { $0.hasPrefix("1000") }.count, 60, "each got its own numbered name")
    }

    func testUploadMultipartAndPut() throws {
        let path = dir.file("up.bin")
        _ = FileManager.default.createFile(atPath: path, contents: Data(DeterministicBody.bytes(seed: 8, count: 700_000)))
        let multipart = try taro(["upload", "--name", "doc", "--form", "k=v", path, server.url("/upload")])
        XCTAssertEqual(multipart.status, 0, multipart.stderr)
        XCTAssertTrue(multipart.stdout.contains(DeterministicBody.sha256Hex(seed: 8, size: 700_000)), multipart.stdout)
        XCTAssertEqual(server.uploads.last?.fieldName, "doc")
        XCTAssertEqual(server.uploads.last?.formFields, ["k": "v"])
        let put = try taro(["upload", "--put", path, server.url("/upload")])
        XCTAssertEqual(put.status, 0, put.stderr)
        XCTAssertEqual(server.requestLog.last?.method, "PUT")
        let missing = try taro(["upload", dir.file("nope"), server.url("/upload")])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("No such file or directory"), missing.stderr)
    }

    func testRequestPrintsTheBodyAndWithIItsHeadersEscaped() throws {
        let body = try taro(["request", server.url("/bytes/64?seed=5")])
        XCTAssertEqual(body.status, 0)
        XCTAssertEqual(body.stdoutBytes, DeterministicBody.bytes(seed: 5, count: 64), "raw bytes to a pipe")
        let posted = try taro(["request", "-X", "POST", "--data", "a=1", server.url("/echo")])
        XCTAssertEqual(JSONValue.parse(Array(posted.stdout.utf8))?["body"]?.stringValue, "a=1")
        let hostile = try taro(["request", "-i", server.url("/bytes/4?h=X-Evil:%20%1B%5B2J%07")])
        XCTAssertTrue(hostile.stdout.hasPrefix("HTTP/1.1 200 OK\n"), hostile.stdout)
        XCTAssertTrue(hostile.stdout.contains("X-Evil: \\e[2J\\x07"), hostile.stdout)
        let head = hostile.stdout.components(separatedBy: "\n\n").first ?? ""
        XCTAssertFalse(head.contains("\u{1b}"), "no raw ESC in the headers")
        let refused = try taro(["request", "http://127.0.0.1:1/"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("request:fail"), refused.stderr)
    }

    func testRunningTheSameGetAgainContinuesItsPart() throws {
        server.setResource("/r.bin", ServedResource(size: 20_000_000, seed: 9, etag: "r1"))
        let url = server.url("/r.bin?rate=10000000")
        let first = try TaroBinary.launch(["get"] + state + ["-o", dir.file("r.bin"), url])
        Thread.sleep(forTimeInterval: 0.8)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        XCTAssertTrue(fileExists(dir.file("r.bin.part")))
        let second = try taro(["get"] + state + ["-o", dir.file("r.bin"), url])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try sha256sum(dir.file("r.bin")), DeterministicBody.sha256Hex(seed: 9, size: 20_000_000))
        let range = server.requestLog.last?.header("Range") ?? ""
        XCTAssertTrue(range.hasPrefix("bytes=") && range != "bytes=0-", "continued from the .part: \(range)")
    }
}
