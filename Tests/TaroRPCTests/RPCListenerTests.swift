import XCTest
import Foundation
import TaroNet
@testable import TaroRPC

/// The HTTP side over a real socket: what a well-behaved client gets, and
/// that every way of sending too much or nonsense gets a JSON-RPC error.
final class RPCListenerTests: RPCTestCase {
    private var listener: RPCListener!

    override func setUpWithError() throws {
        try super.setUpWithError()
        listener = try RPCListener(service: service, port: 0,
                                   limits: RPCListener.Limits(maximumBody: 4096, timeout: .seconds(2)))
    }

    override func tearDown() {
        listener?.stop()
        super.tearDown()
    }

    /// Sends raw bytes and returns the status and the body of the answer.
    private func exchange(_ request: [UInt8]) throws -> (status: Int, head: String, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = listener.port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        let io = SocketIO(fd: fd, deadline: .now + .seconds(20))
        try? io.write(request)
        var response: [UInt8] = []
        while let chunk = try? io.read(limit: 65536), !chunk.isEmpty { response += chunk }
        let text = String(decoding: response, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let status = Int(parts[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, parts[0], parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    private func post(_ body: String, headers: String = "") throws -> (status: Int, head: String, body: String) {
        try exchange(Array(("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.utf8.count)\r\n"
                            + headers + "\r\n" + body).utf8))
    }

    func testACallWithTheSecretIsAnswered() throws {
        let answer = try post(#"{"jsonrpc":"2.0","id":"v","method":"aria2.getVersion","params":["token:s3cret"]}"#)
        XCTAssertEqual(answer.status, 200)
        let value = JSONValue.parse(Array(answer.body.utf8))
        XCTAssertEqual(value?["id"], "v")
        XCTAssertEqual(value?["result"]?["version"]?.stringValue, TaroVersion.string)
    }
}
