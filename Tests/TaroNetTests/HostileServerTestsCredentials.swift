import Foundation
import TaroNet
import TaroServer
import XCTest

/// Credentials — `Authorization`, `Cookie` and the URL's userinfo — never
/// follow a redirect to another host or port. The servers' request logs
/// show exactly what each hop received.
final class HostileServerCredentialTests: HostileServerTestCase {
    private var other: TaroServer!

    override func setUp() async throws {
        try await super.setUp()
        other = try TaroServer()
    }

    override func tearDown() async throws {
        other.stop()
        try await super.tearDown()
    }

    private let secrets = ["Authorization": "Bearer secret", "Cookie": "a=b"]

    private func redirect(to target: String, code: Int = 302) -> String {
        "/redirect-to?code=\(code)&url=" + QueryText.encode(target)
    }

    /// Follows `url` with `header` through Taro.request and returns the
    /// final status.
    private func follow(_ url: String, header: [String: String]) async throws -> Int {
        try await session.request(RequestOption(url: url, header: header, dataType: "text")).value.statusCode
    }

    private func assertNoCredentials(_ request: LoggedRequest?, _ context: String,
                                     file: StaticString = #filePath, line: UInt = #line) {
        guard let request else { return XCTFail("no request reached the target: \(context)", file: file, line: line) }
        XCTAssertNil(request.header("Authorization"), "\(context): \(request.headers)", file: file, line: line)
        XCTAssertNil(request.header("Cookie"), "\(context): \(request.headers)", file: file, line: line)
        XCTAssertFalse(request.headers.contains { $0.value.contains("secret") || $0.value.contains("dXNlcjpwdw") },
                       "\(context): \(request.headers)", file: file, line: line)
    }

    func testAuthorizationAndCookieDoNotFollowARedirectToAnotherPort() async throws {
        for code in [301, 302, 303, 307, 308] {
            server.resetStats()
            other.resetStats()
            let status = try await follow(server.url(redirect(to: other.url("/echo"), code: code)), header: secrets)
            XCTAssertEqual(status, 200)
            XCTAssertEqual(server.requestLog.first?.header("Authorization"), "Bearer secret", "sent to the origin")
            XCTAssertEqual(server.requestLog.first?.header("Cookie"), "a=b", "sent to the origin")
            XCTAssertEqual(other.requestLog.count, 1)
            assertNoCredentials(other.requestLog.first, "request, \(code) to another port")
        }
        // A download takes the same path.
        other.resetStats()
        let sandbox = Sandbox()
        defer { sandbox.remove() }
        let result = try await session.downloadFile(DownloadFileOption(
            url: server.url(redirect(to: other.url("/bytes/100"))), header: secrets, filePath: sandbox.file("f"))).value
        XCTAssertEqual(result.dataLength, 100)
        assertNoCredentials(other.requestLog.first, "download to another port")
    }

    func testAuthorizationAndCookieDoNotFollowARedirectToAnotherHost() async throws {
        // Same server and port, another host name: localhost instead of 127.0.0.1.
        let target = "http://localhost:\(server.port)/echo"
        let status = try await follow(server.url(redirect(to: target)), header: secrets)
        XCTAssertEqual(status, 200)
        XCTAssertEqual(server.requestLog.map(\.path), ["/redirect-to", "/echo"])
        XCTAssertEqual(server.requestLog.first?.header("Authorization"), "Bearer secret")
        XCTAssertEqual(server.requestLog.last?.header("Host"), "localhost:\(server.port)")
        assertNoCredentials(server.requestLog.last, "redirect to another host")
    }

    func testUserinfoDoesNotFollowARedirectToAnotherPort() async throws {
        let url = "http://user:pw@127.0.0.1:\(server.port)" + redirect(to: other.url("/echo"))
        let status = try await follow(url, header: [:])
        XCTAssertEqual(status, 200)
        XCTAssertEqual(server.requestLog.first?.header("Authorization"), "Basic dXNlcjpwdw==", "sent to the origin")
        XCTAssertEqual(other.requestLog.count, 1)
        assertNoCredentials(other.requestLog.first, "userinfo, redirect to another port")
    }

    func testUserinfoDoesNotFollowARedirectToAnotherHost() async throws {
        let url = "http://user:pw@127.0.0.1:\(server.port)" + redirect(to: "http://localhost:\(server.port)/echo")
        let status = try await follow(url, header: [:])
        XCTAssertEqual(status, 200)
        XCTAssertEqual(server.requestLog.map(\.path), ["/redirect-to", "/echo"])
        XCTAssertEqual(server.requestLog.first?.header("Authorization"), "Basic dXNlcjpwdw==")
        assertNoCredentials(server.requestLog.last, "userinfo, redirect to another host")
    }

    /// A chain that leaves for another port and comes back: nothing reaches
    /// the other port on the way.
    func testCredentialsDoNotReachAnotherPortInTheMiddleOfAChain() async throws {
        let back = server.url("/echo")
        let middle = other.url(redirect(to: back))
        let status = try await follow(server.url(redirect(to: middle)), header: secrets)
        XCTAssertEqual(status, 200)
        XCTAssertEqual(other.requestLog.map(\.path), ["/redirect-to"])
        assertNoCredentials(other.requestLog.first, "middle of a chain on another port")
    }

    /// Same host, same port and scheme: curl keeps the headers and the
    /// userinfo, relative or absolute Location alike.
    func testCredentialsStayOnASameHostSamePortRedirect() async throws {
        for target in ["/echo", server.url("/echo")] {
            server.resetStats()
            let status = try await follow(server.url(redirect(to: target)), header: secrets)
            XCTAssertEqual(status, 200)
            XCTAssertEqual(server.requestLog.map(\.path), ["/redirect-to", "/echo"])
            XCTAssertEqual(server.requestLog.last?.header("Authorization"), "Bearer secret", target)
            XCTAssertEqual(server.requestLog.last?.header("Cookie"), "a=b", target)

            server.resetStats()
            let withUserinfo = try await follow("http://user:pw@127.0.0.1:\(server.port)" + redirect(to: target),
                                                header: [:])
            XCTAssertEqual(withUserinfo, 200)
            XCTAssertEqual(server.requestLog.last?.path, "/echo")
            XCTAssertEqual(server.requestLog.last?.header("Authorization"), "Basic dXNlcjpwdw==", target)
        }
    }

    /// What the API hands back never shows the secrets either.
    func testSnapshotsMaskCredentials() async throws {
        let url = "http://user:pw@127.0.0.1:\(server.port)" + redirect(to: other.url("/echo"))
        let task = session.request(RequestOption(url: url, header: secrets, dataType: "text"))
        _ = try await task.value
        let snapshot = try XCTUnwrap(task.snapshot)
        let shown = [snapshot.url, snapshot.exchange.requestLine, snapshot.exchange.effectiveURL ?? ""]
            + snapshot.exchange.requestFields.map { "\($0.name): \($0.value)" }
        for text in shown {
            XCTAssertFalse(text.contains("secret") || text.contains("a=b") || text.contains("pw@")
                           || text.contains("dXNlcjpwdw"), text)
        }
    }
}
