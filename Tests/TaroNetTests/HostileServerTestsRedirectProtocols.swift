import Foundation
import Glibc
import TaroNet
import TaroServer
import XCTest

/// A redirect to anything but http or https is refused: the task fails
/// cleanly, nothing is written, and the other scheme's port is never even
/// connected to.
final class HostileServerRedirectProtocolTests: HostileServerTestCase {
    private func assertRedirectRefused(to location: String, scheme: String,
                                       file: StaticString = #filePath, line: UInt = #line) async throws {
        let sandbox = Sandbox()
        defer { sandbox.remove() }
        let url = "/redirect-to?url=" + QueryText.encode(location)
        let task = session.downloadFile(DownloadFileOption(url: server.url(url), filePath: sandbox.file("target")))
        let message = await failure(of: task, file: file, line: line) ?? ""
        XCTAssertTrue(message.localizedCaseInsensitiveContains("protocol"), message, file: file, line: line)
        XCTAssertTrue(message.localizedCaseInsensitiveContains(scheme), message, file: file, line: line)
        XCTAssertEqual(sandbox.contents, [], "nothing written", file: file, line: line)
        XCTAssertEqual(sandbox.strayPaths, [], file: file, line: line)
        XCTAssertEqual(server.requestLog.map(\.path), ["/redirect-to"], "the redirect was the only request",
                       file: file, line: line)

        // The same through Taro.request, which keeps the body in memory.
        let request = try? await session.request(RequestOption(url: server.url(url), dataType: "text")).value
        XCTAssertNil(request, "a request following \(location) must fail", file: file, line: line)
    }

    func testRedirectToFileURLIsRefused() async throws {
        try await assertRedirectRefused(to: "file:///etc/passwd", scheme: "file")
    }

    func testRedirectToFTPIsRefused() async throws {
        let listener = try ConnectionCounter()
        defer { listener.close() }
        try await assertRedirectRefused(to: "ftp://127.0.0.1:\(listener.port)/etc/passwd", scheme: "ftp")
        XCTAssertEqual(listener.acceptedConnections(), 0, "curl never connected")
    }

    func testRedirectToGopherIsRefused() async throws {
        let listener = try ConnectionCounter()
        defer { listener.close() }
        try await assertRedirectRefused(to: "gopher://127.0.0.1:\(listener.port)/1/x", scheme: "gopher")
        XCTAssertEqual(listener.acceptedConnections(), 0, "curl never connected")
    }

    func testRedirectToDictIsRefused() async throws {
        let listener = try ConnectionCounter()
        defer { listener.close() }
        try await assertRedirectRefused(to: "dict://127.0.0.1:\(listener.port)/d:word", scheme: "dict")
        XCTAssertEqual(listener.acceptedConnections(), 0, "curl never connected")
    }

    /// The counter itself: a connection to it is seen.
    func testConnectionCounterSeesAConnection() throws {
        let listener = try ConnectionCounter()
        defer { listener.close() }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = listener.port.bigEndian
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        XCTAssertTrue(connected)
        XCTAssertEqual(listener.acceptedConnections(), 1)
    }
}

/// A listening socket on 127.0.0.1 that only counts the connections made
/// to it, so a test can tell that a client never reached it.
final class ConnectionCounter {
    let port: UInt16
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { ptr -> Bool in
                bind(fd, ptr, len) == 0 && listen(fd, 16) == 0 && getsockname(fd, ptr, &len) == 0
            }
        }
        guard bound, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else {
            Glibc.close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        self.fd = fd
        port = UInt16(bigEndian: addr.sin_port)
    }

    /// Connections completed so far (each one is accepted and closed).
    func acceptedConnections() -> Int {
        var count = 0
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return count }
            Glibc.close(client)
            count += 1
        }
    }

    func close() { Glibc.close(fd) }
}
