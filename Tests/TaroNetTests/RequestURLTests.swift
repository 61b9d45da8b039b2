import XCTest
@testable import TaroNet

/// RequestURL.validate finds the host by where it is, without decoding it
/// (no IDNA): a URL without one is still refused, and names that need
/// decoding, IP literals and ports still pass.
final class RequestURLTests: XCTestCase {
    func testAURLWithoutAHostIsRefusedWithItsReason() {
        for text in ["http:///file.bin", "https://:8443/file.bin", "http://"] {
            guard case .message(let reason)? = RequestURL.validate(text) else {
                return XCTFail("\(text) was accepted")
            }
            XCTAssertTrue(reason.hasPrefix("invalid url (no host)"), "\(text): \(reason)")
        }
    }

    func testHostsOfEveryKindPass() {
        for text in ["https://127.0.0.1:8443/small/f1.bin", "http://[::1]:8080/", "http://example.com",
                     "https://xn--bcher-kva.example/f", "http://user:pw@host.example:81/a?b=c#d"] {
            XCTAssertNil(RequestURL.validate(text), text)
        }
    }

    func testOnlyHTTPAndHTTPSAreTaken() {
        guard case .message(let reason)? = RequestURL.validate("ftp://example.com/f") else {
            return XCTFail("ftp was accepted")
        }
        XCTAssertTrue(reason.hasPrefix("unsupported protocol: ftp"), reason)
    }
}
