import XCTest
import TaroNet
@testable import TaroRPC

/// Reading the body of a POST: one call, a batch, and each kind of body
/// that is no call, answered as aria2 answers it.
final class RPCEnvelopeTests: XCTestCase {
    private func parse(_ text: String) -> RPCEnvelope { RPCEnvelope.parse(Array(text.utf8)) }

    func testASingleCallKeepsItsIdMethodAndParams() {
        XCTAssertEqual(parse(#"{"jsonrpc":"2.0","id":"q","method":"aria2.getVersion","params":["token:s",1]}"#),
                       .single(.success(RPCCall(id: "q", method: "aria2.getVersion", params: ["token:s", 1]))))
    }

    func testABatchIsReadCallByCall() {
        guard case .batch(let calls) = parse(#"[{"id":1,"method":"a"},{"id":2},7]"#) else {
            return XCTFail("not a batch")
        }
        XCTAssertEqual(calls.count, 3)
        XCTAssertEqual(calls[0], .success(RPCCall(id: 1, method: "a", params: [])))
        XCTAssertEqual(calls[1], .failure(RPCFailure(id: 2, error: .invalidRequest)))
        XCTAssertEqual(calls[2], .failure(RPCFailure(id: .null, error: .invalidRequest)))
    }

    func testMalformedJSONIsAParseError() {
        XCTAssertEqual(parse("{bad"), .unreadable(.parse))
        XCTAssertEqual(parse(""), .unreadable(.parse))
    }

    func testACallWithoutIdOrWithParamsNotAnArrayIsInvalid() {
        XCTAssertEqual(parse(#"{"method":"aria2.getVersion"}"#), .single(.failure(RPCFailure(id: .null, error: .invalidRequest))))
        XCTAssertEqual(parse(#"{"id":"x","method":"m","params":{"a":1}}"#),
                       .single(.failure(RPCFailure(id: "x", error: .invalidRequest))))
        XCTAssertEqual(parse("[]"), .unreadable(.invalidRequest))
        XCTAssertEqual(parse("42"), .unreadable(.invalidRequest))
    }

    func testDeepNestingIsRefusedBeforeDecoding() {
        XCTAssertEqual(parse(String(repeating: "[", count: 100_000)), .unreadable(.parse))
        // Brackets inside strings do not count.
        let text = #"{"id":1,"method":"m","params":[""# + String(repeating: "[", count: 200) + #""]}"#
        XCTAssertEqual(parse(text), .single(.success(RPCCall(id: 1, method: "m", params: [.string(String(repeating: "[", count: 200))]))))
    }
}
