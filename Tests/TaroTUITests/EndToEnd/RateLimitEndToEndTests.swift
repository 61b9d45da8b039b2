import TaroServer
import XCTest

/// `l` in the real program, in a real terminal: the footer shows the new
/// limit, and the download, measured at the server's sockets, slows to it.
final class RateLimitEndToEndTests: EndToEndTestCase {
    func testLChangesTheGlobalLimitLiveAndTheFooterAndTheWireFollow() throws {
        let name = "1000000000"
        try launch(["--limit-rate", "4M", "-d", downloads, server.url("/bytes/1000000000?sndbuf=16384")])
        try waitForScreen("the limit in the footer") { $0.text.contains("max ↓4M/s") && $0.state(of: name) == "active" }
        try tmux.send("l")
        try tmux.type("512k")
        try tmux.send("Enter")
        try waitForScreen("the new limit in the footer") { $0.text.contains("max ↓512K/s") }
        // Past the change (and what the kernel already held), the wire follows.
        Thread.sleep(forTimeInterval: 2)
        let before = server.bytesSent
        let started = Date()
        Thread.sleep(forTimeInterval: 3)
        let rate = Double(server.bytesSent - before) / Date().timeIntervalSince(started)
        XCTAssertEqual(rate / 524_288, 1, accuracy: 0.2, "\(Int(rate)) B/s at the wire after l 512k")
    }
}
