import CCurl
import XCTest
@testable import TaroNet

/// The gate in front of the multi handle: one probe per HTTPS origin, then
/// an HTTP/2 origin's transfers within one connection's streams, an HTTP/1
/// origin's all at once, and plain http never held.
final class OriginGateTests: XCTestCase {
    private func spec(_ url: String, http1: Bool = false) -> TransferSpec {
        var spec = TransferSpec(url: url)
        if http1 { spec.wire.httpVersion = .http1_1 }
        return spec
    }

    func testAnHTTP2OriginRunsAtMostOneConnectionsWorthOfStreams() {
        let gate = OriginGate()
        let url = "https://example.test/f"
        XCTAssertTrue(gate.admit(1, spec: spec(url)), "the first one probes")
        let total = OriginGate.streamBudget + 50
        for id in 2...UInt64(total) { XCTAssertFalse(gate.admit(id, spec: spec(url))) }
        XCTAssertEqual(gate.admissions(), [], "nothing more until the probe's answer")
        XCTAssertEqual(gate.probedOrigin(of: 1), "https://example.test:443")

        gate.learned("https://example.test:443", httpVersion: 0)
        XCTAssertEqual(gate.admissions(), [], "not known yet")
        gate.learned("https://example.test:443", httpVersion: Int(CURL_HTTP_VERSION_2_0))
        let first = gate.admissions()
        XCTAssertEqual(first, Array(2...UInt64(OriginGate.streamBudget)), "in order, up to the budget")
        gate.released(1)
        gate.released(2)
        XCTAssertEqual(gate.admissions(), [UInt64(OriginGate.streamBudget) + 1, UInt64(OriginGate.streamBudget) + 2])
        // A held one that is cancelled never starts.
        gate.released(UInt64(total))
        for id in 3...UInt64(OriginGate.streamBudget + 2) { gate.released(id) }
        XCTAssertEqual(gate.admissions(), Array(UInt64(OriginGate.streamBudget + 3)...UInt64(total - 1)))
    }

    func testAnHTTP1OriginAndPlainHTTPAreNotHeldAndAFailedProbeHandsOver() {
        let gate = OriginGate()
        XCTAssertTrue(gate.admit(1, spec: spec("https://one.test/")))
        XCTAssertFalse(gate.admit(2, spec: spec("https://one.test/")))
        XCTAssertFalse(gate.admit(3, spec: spec("https://one.test/")))
        // The probe could not connect: the next one probes.
        gate.released(1)
        XCTAssertEqual(gate.admissions(), [2])
        gate.learned("https://one.test:443", httpVersion: Int(CURL_HTTP_VERSION_1_1))
        XCTAssertEqual(gate.admissions(), [3])
        XCTAssertTrue(gate.admit(4, spec: spec("https://one.test/")), "HTTP/1: every transfer at once")

        for id in 10..<20 { XCTAssertTrue(gate.admit(UInt64(id), spec: spec("http://plain.test/"))) }
        XCTAssertTrue(gate.admit(30, spec: spec("https://two.test/", http1: true)))
        XCTAssertTrue(gate.admit(31, spec: spec("https://two.test/", http1: true)), "--http1.1 never waits")
    }
}
