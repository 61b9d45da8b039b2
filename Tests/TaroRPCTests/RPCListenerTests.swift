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
        let fd = try SocketIO.connect(loopbackPort: listener.port)
        defer { close(fd) }
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

    func testAnOversizedBodyIsRefusedWithAJSONRPCErrorBeforeItIsRead() throws {
        let body = #"{"jsonrpc":"2.0","id":"v","method":"aria2.addUri","params":["token:s3cret",[""# 
            + String(repeating: "a", count: 10_000) + #""]]}"#
        let answer = try post(body)
        XCTAssertEqual(answer.status, 413)
        XCTAssertEqual(JSONValue.parse(Array(answer.body.utf8))?["error"]?["code"], -32600)
        XCTAssertEqual(manager.snapshot().items.count, 0)
    }

    func testMalformedJSONAndBadHeadsGetJSONRPCErrors() throws {
        let parse = try post("{not json")
        XCTAssertEqual(parse.status, 500)
        XCTAssertEqual(JSONValue.parse(Array(parse.body.utf8))?["error"]?["code"], -32700)
        let noLength = try exchange(Array("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n{}".utf8))
        XCTAssertEqual(noLength.status, 411)
        XCTAssertNotNil(JSONValue.parse(Array(noLength.body.utf8))?["error"])
        let garbage = try exchange(Array("\u{1}\u{2}\r\n\r\n".utf8))
        XCTAssertEqual(garbage.status, 400)
        let hugeHead = try exchange(Array(("POST /jsonrpc HTTP/1.1\r\nX: " + String(repeating: "x", count: 40_000)).utf8))
        XCTAssertEqual(hugeHead.status, 431)
    }

    func testAClientThatAsksToContinueIsToldTo() throws {
        let body = #"{"jsonrpc":"2.0","id":"v","method":"system.listMethods"}"#
        let fd = try SocketIO.connect(loopbackPort: listener.port)
        defer { close(fd) }
        let io = SocketIO(fd: fd, deadline: .now + .seconds(20))
        try io.write(Array(("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                            + "Content-Length: \(body.utf8.count)\r\n\r\n").utf8))
        // Only the head went out: the answer to it is the interim 100.
        XCTAssertEqual(String(decoding: try io.read(limit: 4096), as: UTF8.self), "HTTP/1.1 100 Continue\r\n\r\n")
        try io.write(Array(body.utf8))
        var rest: [UInt8] = []
        while let chunk = try? io.read(limit: 65536), !chunk.isEmpty { rest += chunk }
        XCTAssertTrue(String(decoding: rest, as: UTF8.self).hasPrefix("HTTP/1.1 200 OK"))
    }

    func testOnlyPostToJsonrpcIsServed() throws {
        XCTAssertEqual(try exchange(Array("GET /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)).status, 405)
        XCTAssertEqual(try exchange(Array("POST /other HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n".utf8)).status, 404)
    }

    func testAPageElsewhereCannotReadAnswersWithoutTheSecretNorReachItByAnotherName() throws {
        let origin = "Origin: http://evil.example\r\n"
        let refused = try post(#"{"jsonrpc":"2.0","id":"v","method":"aria2.tellActive","params":["token:guess"]}"#, headers: origin)
        XCTAssertEqual(refused.status, 400)
        XCTAssertFalse(refused.head.lowercased().contains("access-control-allow-origin"), refused.head)
        let listed = try post(#"{"jsonrpc":"2.0","id":"v","method":"system.listMethods"}"#, headers: origin)
        XCTAssertFalse(listed.head.lowercased().contains("access-control-allow-origin"), listed.head)
        let allowed = try post(#"{"jsonrpc":"2.0","id":"v","method":"aria2.tellActive","params":["token:s3cret"]}"#, headers: origin)
        XCTAssertTrue(allowed.head.contains("Access-Control-Allow-Origin: http://evil.example"), allowed.head)
        // DNS rebinding: a name that points at 127.0.0.1 is not 127.0.0.1.
        let rebound = try exchange(Array(("POST /jsonrpc HTTP/1.1\r\nHost: evil.example:6800\r\nContent-Length: 2\r\n\r\n{}").utf8))
        XCTAssertEqual(rebound.status, 403)
    }

    func testAClientThatSendsNothingIsCutOffAndOthersAreStillServed() throws {
        let silent = try SocketIO.connect(loopbackPort: listener.port)
        defer { close(silent) }
        // Served while the silent one waits: connections have their own threads.
        XCTAssertEqual(try post(#"{"id":1,"method":"system.listMethods"}"#).status, 200)
        let io = SocketIO(fd: silent, deadline: .now + .seconds(20))
        var answer: [UInt8] = []
        while let chunk = try? io.read(limit: 4096), !chunk.isEmpty { answer += chunk }
        XCTAssertTrue(String(decoding: answer, as: UTF8.self).hasPrefix("HTTP/1.1 408"))
    }

    /// stop() returns once no connection is being served: a client still
    /// sending its body is cut off (it reads the end at once), so no call
    /// can reach the manager after the program stopped remote control.
    func testStopEndsTheConnectionsStillBeingServed() throws {
        let client = try SocketIO.connect(loopbackPort: listener.port)
        defer { close(client) }
        let io = SocketIO(fd: client, deadline: .now + .seconds(20))
        // Half a body: the connection waits for the rest (its timeout is 2 s).
        try io.write(Array("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"id\":".utf8))
        Thread.sleep(forTimeInterval: 0.2)
        listener.stop()
        let soon = SocketIO(fd: client, deadline: .now + .milliseconds(500))
        do {
            let rest = try soon.read(limit: 4096)
            XCTAssertEqual(rest, [])
        } catch SocketIO.Failure.timedOut {
            XCTFail("the connection was still open when stop() returned")
        } catch {
            // Reset (the connection was still in the backlog): ended all the same.
        }
    }

    /// The command line's client says what happened: nothing listening, or
    /// a listener that hung up (here one that takes no connection at all),
    /// not "did not answer in time" for both.
    func testTheClientSaysWhetherNothingListensOrTheConnectionWasClosed() throws {
        let closing = try RPCListener(service: service, port: 0, limits: RPCListener.Limits(maximumConnections: 0))
        defer { closing.stop() }
        let hungUp = RPCClient(endpoint: RPCEndpoint(port: closing.port, secret: Self.secret))
        XCTAssertThrowsError(try hungUp.call("aria2.getVersion")) { error in
            XCTAssertEqual("\(error)", "no taro-tui answers there: 127.0.0.1:\(closing.port) closed the connection without an answer")
        }
        let port = closing.port
        closing.stop()
        XCTAssertThrowsError(try RPCClient(endpoint: RPCEndpoint(port: port, secret: Self.secret)).call("aria2.getVersion")) {
            XCTAssertEqual("\($0)", "no taro-tui answers there: 127.0.0.1:\(port): Connection refused")
        }
    }

    /// Out of file descriptors, accept fails while the connection waits in
    /// the backlog: the accept thread must wait for one to free up, not
    /// spin a core on it. Once descriptors are back the client is answered.
    func testAcceptOutOfDescriptorsWaitsInsteadOfSpinning() throws {
        // The client's socket exists before the limit; connecting needs no new one.
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &saved)
        // The lowest free descriptor becomes the limit: no new one can be had.
        let probe = open("/dev/null", O_RDONLY)
        XCTAssertGreaterThanOrEqual(probe, 0)
        close(probe)
        var tight = saved
        tight.rlim_cur = rlim_t(probe)
        XCTAssertEqual(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &tight), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = listener.port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let before = Self.cpuSeconds()
        Thread.sleep(forTimeInterval: 1)
        let spent = Self.cpuSeconds() - before
        XCTAssertEqual(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &saved), 0)
        XCTAssertEqual(connected, 0)
        XCTAssertLessThan(spent, 0.3, "CPU seconds spent in one second while accept could not succeed")
        let io = SocketIO(fd: client, deadline: .now + .seconds(20))
        let body = #"{"jsonrpc":"2.0","id":"v","method":"system.listMethods"}"#
        try io.write(Array("POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        var answer: [UInt8] = []
        while let chunk = try? io.read(limit: 65536), !chunk.isEmpty { answer += chunk }
        XCTAssertTrue(String(decoding: answer, as: UTF8.self).hasPrefix("HTTP/1.1 200 OK"))
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
