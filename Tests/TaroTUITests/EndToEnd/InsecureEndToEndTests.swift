import Foundation
import XCTest

/// `taro-tui -k URL` against an HTTPS server whose certificate nothing
/// trusts (openssl s_server, with a certificate made by the test): the
/// download completes, and its row and its pane say the check was skipped.
final class InsecureEndToEndTests: EndToEndTestCase {
    private var tlsServer: Process?

    override func tearDown() {
        if let tlsServer, tlsServer.isRunning {
            tlsServer.terminate()
            tlsServer.waitUntilExit()
        }
        super.tearDown()
    }

    /// Serves `www` over HTTPS on a free port; returns the port.
    private func startTLSServer(www: String) throws -> Int {
        let openssl = try XCTUnwrap(ProcessRunner.find("openssl"), "make test installs openssl")
        let key = downloads + "/../key.pem", cert = downloads + "/../cert.pem"
        let made = try ProcessRunner.run(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                                   "-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1"])
        XCTAssertEqual(made.status, 0)
        for _ in 0..<8 {
            // Below the kernel's ephemeral range, where the suite's port-0
            // servers and outgoing connections take theirs.
            let port = Int.random(in: 20_000...32_700)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: openssl)
            p.arguments = ["s_server", "-quiet", "-accept", String(port), "-cert", cert, "-key", key, "-WWW"]
            p.currentDirectoryURL = URL(fileURLWithPath: www)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(10)
            while p.isRunning && Date() < deadline && !Self.accepts(port) { usleep(50_000) }
            usleep(100_000)
            if p.isRunning && Self.accepts(port) {
                tlsServer = p
                return port
            }
            if p.isRunning { p.terminate() }
            p.waitUntilExit()
        }
        throw EndToEndFailure("openssl s_server did not start")
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    func testAnInsecureDownloadIsMarkedOnItsRowAndInItsPane() throws {
        let www = downloads + "/../www"
        try FileManager.default.createDirectory(atPath: www, withIntermediateDirectories: true)
        let payload = Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try payload.write(to: URL(fileURLWithPath: www + "/payload.bin"))
        let port = try startTLSServer(www: www)

        try launchDownloading(["-k", "https://127.0.0.1:\(port)/payload.bin"])
        // The tag stands before the name, where the eye lands first.
        let screen = try waitForState("done", of: "[insecure] payload.bin")
        XCTAssertNotNil(screen.row(named: "[insecure] payload.bin"), screen.description)
        XCTAssertEqual(FileManager.default.contents(atPath: path("payload.bin")), payload)

        try tmux.send("Enter")
        try waitForScreen("the pane's TLS line") { $0.contains("certificate NOT checked (--insecure)") }
    }
}
