import Foundation
import TaroNet
import XCTest

/// The curl-style wire options through the real binary against nginx on
/// loopback with a certificate made for the test: trust (--cacert, refused
/// without it, --insecure), credentials across redirects, a proxy, cookies
/// and user agent, HTTP/2 multiplexing (counted in nginx's log), and the
/// config file.
final class TLSWireOptionsTests: XCTestCase {
    var nginx: TLSNginx!
    var dir: TestDirectory!
    /// An empty config directory, so the machine's own config plays no part.
    var env: [String: String] { ["XDG_CONFIG_HOME": dir.file("config")] }

    override func setUp() async throws {
        nginx = try TLSNginx()
        dir = TestDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("out"), withIntermediateDirectories: true)
        if TaroBinary.path == nil { XCTFail("taro-tui binary not found next to the tests") }
    }

    override func tearDown() async throws {
        nginx.stop()
        dir.remove()
    }

    private func get(_ args: [String], environment: [String: String]? = nil) throws -> TaroCommand {
        try TaroCommand.run(["get", "--state-dir", dir.file("state"), "-d", dir.file("out"), "--retries", "0"] + args,
                            environment: environment ?? env)
    }

    private func contents(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: dir.file("out/" + name)).map(Array.init)
    }

    func testCACertIsTrustedAndAnUnknownCertificateIsRefusedClearly() throws {
        let files = try nginx.addFiles(prefix: "a", count: 1, size: 4096)
        let refused = try get([nginx.https("/a0.bin")])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("certificate is not trusted"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--cacert"), refused.stderr)
        XCTAssertNil(contents("a0.bin"), "nothing is saved from an untrusted server")

        let accepted = try get(["--cacert", nginx.certificate, nginx.https("/a0.bin")])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertEqual(contents("a0.bin"), files["a0.bin"])
        XCTAssertFalse(accepted.stderr.contains("NOT checked"), accepted.stderr)
    }

    func testInsecureIsAcceptedAndSaidOutLoud() throws {
        let files = try nginx.addFiles(prefix: "k", count: 1, size: 1000)
        let run = try get(["-k", nginx.https("/k0.bin")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(contents("k0.bin"), files["k0.bin"])
        XCTAssertTrue(run.stderr.contains("--insecure: server certificates are NOT checked"), run.stderr)

        let request = try TaroCommand.run(["request", "--insecure", nginx.https("/landing")], environment: env)
        XCTAssertEqual(request.status, 0, request.stderr)
        XCTAssertEqual(request.stdout, "landed\n")
        XCTAssertTrue(request.stderr.contains("NOT checked"), request.stderr)
    }

    func testCredentialsStayWithTheirHostAcrossRedirects() throws {
        let secret = "s3cr3t-\(UInt32.random(in: 0...UInt32.max))"
        let auth = ["-u", "alice:" + secret, "--cacert", nginx.certificate]
        for path in ["/to-http", "/to-other-host", "/to-same-host"] {
            let run = try TaroCommand.run(["request"] + auth + [nginx.https(path)], environment: env)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stdout, "landed\n", path)
            XCTAssertFalse((run.stdout + run.stderr).contains(secret))
        }
        let log = nginx.log()
        let basic = "Basic " + Data("alice:\(secret)".utf8).base64EncodedString()
        for path in ["/to-http", "/to-other-host", "/to-same-host"] {
            XCTAssertEqual(log.first { $0.path == path }?.authorization, basic, "\(path) itself gets the credentials")
        }
        let landings = log.filter { $0.path == "/landing" }
        XCTAssertEqual(landings.count, 3, "\(log.map(\.path))")
        // https → http on another port, and https to another host name: nothing.
        XCTAssertEqual(landings.filter { $0.authorization == basic }.count, 1,
                       "only the redirect to the same host and port carries them: \(landings.map(\.authorization))")
        XCTAssertEqual(landings.first { $0.port == nginx.plainPort }?.authorization, "-")

        // A download with credentials leaves none of them in the state directory.
        _ = try get(auth + [nginx.https("/to-http")])
        let stateFiles = FileManager.default.enumerator(atPath: dir.file("state"))?.allObjects as? [String] ?? []
        for file in stateFiles {
            let data = FileManager.default.contents(atPath: dir.file("state/" + file)) ?? Data()
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(secret), "password in state file \(file)")
        }
    }

    func testNetrcFileGivesCredentialsOnlyToItsMachine() throws {
        let netrc = dir.file("netrc")
        try "machine 127.0.0.1 login bob password from-netrc\n".write(toFile: netrc, atomically: true, encoding: .utf8)
        let run = try TaroCommand.run(["request", "--cacert", nginx.certificate, "--netrc-file", netrc,
                                       nginx.https("/landing", host: "127.0.0.1")], environment: env)
        XCTAssertEqual(run.status, 0, run.stderr)
        let other = try TaroCommand.run(["request", "--cacert", nginx.certificate, "--netrc-file", netrc,
                                         nginx.https("/landing", host: "localhost")], environment: env)
        XCTAssertEqual(other.status, 0, other.stderr)
        let landings = nginx.log().filter { $0.path == "/landing" }.map(\.authorization)
        XCTAssertEqual(landings, ["Basic " + Data("bob:from-netrc".utf8).base64EncodedString(), "-"])
    }

    func testProxyIsUsedAndNoProxyGoesAround() throws {
        // A name that resolves nowhere: only the proxy can answer for it.
        let proxy = "http://127.0.0.1:\(nginx.proxyPort)"
        let via = try get(["--proxy", proxy, "-o", "via.txt", "http://taro-proxy-test.invalid/landing"])
        XCTAssertEqual(via.status, 0, via.stderr)
        XCTAssertEqual(contents("via.txt"), Array("landed\n".utf8))
        XCTAssertTrue(nginx.log().contains { $0.port == nginx.proxyPort }, "the proxy saw the request")

        let withoutProxy = try get(["-o", "direct-fails.txt", "http://taro-proxy-test.invalid/landing"])
        XCTAssertEqual(withoutProxy.status, 1, "without the proxy the name does not resolve")

        // A proxy that refuses every connection, bypassed for 127.0.0.1.
        let around = try get(["--proxy", "http://127.0.0.1:1", "--noproxy", "127.0.0.1", "-o", "around.txt",
                              nginx.http("/landing")])
        XCTAssertEqual(around.status, 0, around.stderr)
        XCTAssertEqual(contents("around.txt"), Array("landed\n".utf8))
    }

    func testUserAgentCookiesAndCookieJar() throws {
        let jar = dir.file("jar.txt")
        let run = try TaroCommand.run(["request", "--cacert", nginx.certificate, "-A", "taro-test-agent/1",
                                       "-b", "flavour=oat", "-c", jar, nginx.https("/set-cookie")], environment: env)
        XCTAssertEqual(run.status, 0, run.stderr)
        let line = try XCTUnwrap(nginx.log().first { $0.path == "/set-cookie" })
        XCTAssertEqual(line.userAgent, "taro-test-agent/1")
        XCTAssertEqual(line.cookie, "flavour=oat")
        let saved = try String(contentsOfFile: jar, encoding: .utf8)
        XCTAssertTrue(saved.contains("session\tabc123"), saved)

        // The jar read back with -b sends what the server set.
        let again = try TaroCommand.run(["request", "--cacert", nginx.certificate, "-b", jar, nginx.https("/landing")],
                                        environment: env)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(nginx.log().last { $0.path == "/landing" }?.cookie, "session=abc123")
    }

    func testHTTP2TransfersShareOneConnection() throws {
        // More at once than nginx's 128 streams per connection: curl alone
        // would open a connection for each transfer past them.
        let files = try nginx.addFiles(prefix: "m", count: 300, size: 16 * 1024)
        let list = dir.file("list")
        try (0..<300).map { nginx.https("/m\($0).bin") }.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
        let run = try get(["--cacert", nginx.certificate, "-j", "200", "-i", list])
        XCTAssertEqual(run.status, 0, run.stderr)
        for (name, bytes) in files { XCTAssertEqual(contents(name), bytes, name) }
        let lines = nginx.log().filter { $0.path.hasPrefix("/m") }
        XCTAssertEqual(lines.count, 300)
        let connections = Set(lines.map(\.connection))
        XCTAssertLessThanOrEqual(connections.count, 2, "200 at once over HTTP/2 share a connection, not \(connections.count)")
    }

    func testHTTPVersionAndPerHostConnectionCap() throws {
        let files = try nginx.addFiles(prefix: "v", count: 24, size: 4096)
        let h1 = try get(["--cacert", nginx.certificate, "--http1.1", "-o", "v0-h1.bin", nginx.https("/v0.bin")])
        XCTAssertEqual(h1.status, 0, h1.stderr)
        let h2 = try get(["--cacert", nginx.certificate, "-o", "v0-h2.bin", nginx.https("/v0.bin")])
        XCTAssertEqual(h2.status, 0, h2.stderr)
        XCTAssertEqual(nginx.log().filter { $0.path == "/v0.bin" }.map(\.protocolName), ["HTTP/1.1", "HTTP/2.0"])

        // Plain HTTP/1.1, 12 at once, at most 2 connections to the host.
        let list = dir.file("plain-list")
        try (1..<24).map { nginx.http("/v\($0).bin") }.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
        let capped = try get(["-j", "12", "--max-host-connections", "2", "-i", list])
        XCTAssertEqual(capped.status, 0, capped.stderr)
        for i in 1..<24 { XCTAssertEqual(contents("v\(i).bin"), files["v\(i).bin"]) }
        let plain = nginx.log().filter { $0.port == nginx.plainPort && $0.path.hasPrefix("/v") }
        XCTAssertEqual(plain.count, 23)
        XCTAssertLessThanOrEqual(Set(plain.map(\.connection)).count, 2)
    }

    func testTheManagerMarksInsecureRowsAndRefusesUntrustedOnes() throws {
        let files = try nginx.addFiles(prefix: "r", count: 1, size: 2048)
        var options = ManagerOptions(limit: 2, retry: .none)
        options.wire.insecure = true
        let insecure = try TransferManager(options: options)
        defer { insecure.shutdown() }
        let id = insecure.addDownload(url: nginx.https("/r0.bin"), path: dir.file("out/r0.bin"))
        XCTAssertEqual(insecure.snapshot().items.first { $0.id == id }?.insecure, true, "marked while it waits")
        let deadline = Date().addingTimeInterval(30)
        while insecure.snapshot().items.first(where: { $0.id == id })?.state.isFinal != true && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let done = try XCTUnwrap(insecure.snapshot().items.first { $0.id == id })
        XCTAssertEqual(done.state, .done, done.errorMessage ?? "")
        XCTAssertTrue(done.insecure, "and once done")
        XCTAssertTrue(contents("r0.bin") == files["r0.bin"], "the file as served")

        let checked = try TransferManager(options: ManagerOptions(limit: 2, retry: .none))
        defer { checked.shutdown() }
        let refused = checked.addDownload(url: nginx.https("/r0.bin"), path: dir.file("out/r0-checked.bin"))
        while checked.snapshot().items.first(where: { $0.id == refused })?.state.isFinal != true && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let row = try XCTUnwrap(checked.snapshot().items.first { $0.id == refused })
        XCTAssertEqual(row.state, .failed)
        XCTAssertFalse(row.insecure)
        XCTAssertTrue(row.errorMessage?.contains("certificate is not trusted") ?? false, row.errorMessage ?? "")
    }

    func testSegmentedDownloadOverHTTP2UsesStreamsNotConnections() throws {
        let files = try nginx.addFiles(prefix: "big", count: 1, size: 4 << 20)
        let run = try get(["--cacert", nginx.certificate, "-s", "4", nginx.https("/big0.bin")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(contents("big0.bin") == files["big0.bin"], "every byte in place")
        let lines = nginx.log().filter { $0.path == "/big0.bin" }
        XCTAssertGreaterThan(lines.count, 1, "the download was split")
        XCTAssertEqual(Set(lines.map(\.connection)).count, 1, "its segments ran as streams of one connection")

        // Asked for, each segment gets a connection of its own.
        let own = try get(["--cacert", nginx.certificate, "-s", "4", "--segment-connections", "-o", "own.bin",
                           nginx.https("/big0.bin")])
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertTrue(contents("own.bin") == files["big0.bin"], "every byte in place")
        let ownLines = nginx.log().filter { $0.path == "/big0.bin" }.dropFirst(lines.count)
        XCTAssertGreaterThan(ownLines.count, 1)
        XCTAssertEqual(Set(ownLines.map(\.connection)).count, ownLines.count, "one connection per request")
    }

    func testAnInterruptedHTTP2DownloadResumesExactly() throws {
        let files = try nginx.addFiles(prefix: "res", count: 1, size: 8 << 20)
        let url = nginx.https("/slow/res0.bin")
        let args = ["get", "--state-dir", dir.file("state"), "--cacert", nginx.certificate, "-o", dir.file("out/res.bin"), url]
        // Killed once a good part is on disk and its offset recorded (the
        // offset is made durable every 250 ms; the whole takes 4 s at 2 MB/s).
        let first = try TaroBinary.launch(args)
        let deadline = Date().addingTimeInterval(30)
        while fileSize(dir.file("out/res.bin.part")) < 3 << 20 && first.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(first.isRunning, "still downloading when killed")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let again = try TaroCommand.run(args, environment: env)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(contents("res.bin") == files["res0.bin"], "every byte in place")
        let requests = nginx.log().filter { $0.path == "/slow/res0.bin" }
        XCTAssertEqual(requests.first?.protocolName, "HTTP/2.0")
        XCTAssertTrue(requests.dropFirst().contains { $0.range.hasPrefix("bytes=") && $0.range != "bytes=0-" },
                      "the second run asked for the rest: \(requests.map(\.range))")
    }

    /// On an origin that cannot multiplex (plain http, or HTTPS offering only
    /// HTTP/1.1), a long download does not hold the others to the host.
    func testALongDownloadDoesNotHoldOthersToAnHTTP1Origin() throws {
        try nginx.addFiles(prefix: "long", count: 1, size: 8 << 20)
        try nginx.addFiles(prefix: "short", count: 3, size: 1000)
        for (index, base) in ["http://127.0.0.1:\(nginx.plainPort)", "https://127.0.0.1:\(nginx.tlsH1Port)"].enumerated() {
            let out = dir.file("out/\(index)")
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let urls = [base + "/slow/long0.bin"] + (0..<3).map { base + "/short\($0).bin" }
            let process = try TaroBinary.launch(["get", "--no-state", "--cacert", nginx.certificate, "-j", "4", "-d", out] + urls)
            defer { if process.isRunning { process.terminate() }; process.waitUntilExit() }
            let shorts = (0..<3).map { out + "/short\($0).bin" }
            let deadline = Date().addingTimeInterval(20)
            while !shorts.allSatisfy(fileExists) && process.isRunning && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
            XCTAssertTrue(shorts.allSatisfy(fileExists), "\(base): the short files are done")
            XCTAssertFalse(fileExists(out + "/long0.bin"), "\(base): while the long one still runs")
        }
    }

    func testConfigFileGivesDefaultsAndABadLineStopsTheProgram() throws {
        let files = try nginx.addFiles(prefix: "c", count: 1, size: 2048)
        let config = dir.file("config/taro-tui")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try """
        # trust the test's server
        cacert = \(nginx.certificate)

        user-agent = from-config/2
        """.write(toFile: config + "/config", atomically: true, encoding: .utf8)
        let good = try get([nginx.https("/c0.bin")])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(contents("c0.bin"), files["c0.bin"])
        XCTAssertEqual(nginx.log().first { $0.path == "/c0.bin" }?.userAgent, "from-config/2")
        // The command line wins over the file.
        let over = try get(["-A", "from-flag/3", "-o", "c0-again.bin", nginx.https("/c0.bin")])
        XCTAssertEqual(over.status, 0, over.stderr)
        XCTAssertEqual(nginx.log().last { $0.path == "/c0.bin" }?.userAgent, "from-flag/3")

        try "# fine\ninsecure\nfollow-the-white-rabbit = yes\n".write(toFile: config + "/config", atomically: true, encoding: .utf8)
        let before = nginx.log().count
        let bad = try get([nginx.https("/c0.bin")])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("line 3"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("follow-the-white-rabbit"), bad.stderr)
        // The TUI does not start either (it would need a terminal; it stops first).
        let tui = try TaroCommand.run(["--state-dir", dir.file("tui-state"), nginx.https("/c0.bin")], environment: env)
        XCTAssertEqual(tui.status, 2, tui.stderr)
        XCTAssertTrue(tui.stderr.contains("line 3"), tui.stderr)

        try "connect-timeout = soon\n".write(toFile: config + "/config", atomically: true, encoding: .utf8)
        let badValue = try get([nginx.https("/c0.bin")])
        XCTAssertEqual(badValue.status, 2)
        XCTAssertTrue(badValue.stderr.contains("line 1"), badValue.stderr)
        XCTAssertEqual(nginx.log().count, before, "nothing was fetched with a bad config")
    }
}
