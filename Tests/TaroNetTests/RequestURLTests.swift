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

    /// Naming a URL without parsing it gives URLComponents' answer, or
    /// leaves the URL to it.
    func testTheLastPathComponentWithoutParsingAgreesWithURLComponents() {
        let urls = ["http://127.0.0.1:18591/small/f0.bin", "https://h.example/a/b/", "https://h.example",
                    "https://h.example/", "http://h.example/a//b.tar.gz?x=1/2#frag/x", "http://h:81/dir/file;v=1",
                    "HTTP://H.EXAMPLE/Report%20Q1.pdf", "http://h/a%zz", "http://h/a b", "http://[::1]:80/x",
                    "http://u:p@h/x", "http://h/x#a#b", "http://h/x?q#f?g", "http://h?only-query",
                    "http://h/%E2%82%AC.txt", "1http://h/x", "http://h/a/%2F", "http://h/a/b?c/d",
                    "http://h/é.bin", "http://h/x|y", "ht+tp.-://h/x", "http://h/.", "http://h/..", "http://h/a/"]
        for url in urls {
            let parsed = RequestURL.parsedLastPathComponent(url)
            if let plain = RequestURL.plainLastPathComponent(url) {
                XCTAssertEqual(plain, parsed, url)
            }
            XCTAssertEqual(RequestURL.lastPathComponent(url), parsed, url)
        }
        XCTAssertEqual(RequestURL.plainLastPathComponent("http://127.0.0.1:18591/small/f0.bin"), "f0.bin",
                       "a plain URL is named without parsing")
    }

    /// A URL judged plain without parsing is one URLComponents accepts; the
    /// rest get URLComponents' own verdict.
    func testPlainHTTPWithoutParsingAgreesWithURLComponents() {
        let urls = ["http://127.0.0.1:18591/small/f0.bin", "HTTPS://H.EXAMPLE", "https://h.example:65535/a?b=c#d",
                    "http://h:99999/x", "http://h:123456/x", "http://h:/x", "http://:80/x", "http:///x", "http://",
                    "http://h_1.example/x", "http://h/x#a#b", "http://h/a b", "http://h/a%20b", "http://u@h/x",
                    "http://[::1]/x", "ftp://h/x", "httpx://h/x", "htt://h/x", " http://h/x", "http://h/é",
                    "http://h?q", "http://h#f", "http://h:8a/x", "http://h/x|y", "https://h/a/../b"]
        for url in urls {
            if RequestURL.isPlainHTTP(url) {
                XCTAssertNil(RequestURL.parsedValidate(url), "judged plain, refused by URLComponents: \(url)")
            }
            XCTAssertEqual(RequestURL.validate(url).map { "\($0)" }, RequestURL.parsedValidate(url).map { "\($0)" }, url)
        }
        XCTAssertTrue(RequestURL.isPlainHTTP("http://127.0.0.1:18591/small/f0.bin"), "a plain URL is not parsed")
        XCTAssertFalse(RequestURL.isPlainHTTP("http://u@h/x"), "userinfo goes to URLComponents")
    }
}
