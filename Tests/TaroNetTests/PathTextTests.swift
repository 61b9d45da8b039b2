import Foundation
@testable import TaroNet
import XCTest

/// PathText replaces Foundation calls on the per-file path; Foundation is
/// the oracle it must agree with.
final class PathTextTests: XCTestCase {
    let paths = ["/a/b/c.bin", "/a/b/", "/", "", "c.bin", "/c", "a//b//", "/work/out/f1.bin.part",
                 "/tmp/ünï cödé/файл.txt", "relative/dir/x", "///", "/a/b/.hidden"]

    func testLastComponentAgreesWithNSString() {
        for path in paths {
            XCTAssertEqual(PathText.lastComponent(path), (path as NSString).lastPathComponent, path)
        }
    }

    func testDirectoryAgreesWithNSStringForAbsolutePaths() {
        for path in ["/a/b/c.bin", "/c", "/a/b/", "/tmp/ünï cödé/файл.txt", "/a/b/.hidden"] {
            XCTAssertEqual(PathText.directory(path), (path as NSString).deletingLastPathComponent, path)
        }
    }

    func testSchemeSeparatorAgreesWithRangeOf() {
        for url in ["http://h/p", "https://u:p@h:1/x?y#z", "no scheme", "a:/b", "x://", ":://", "é://h"] {
            XCTAssertEqual(PathText.schemeSeparator(url), url.range(of: "://"), url)
        }
    }

    func testPercentDecodingAgreesWithFoundation() {
        for text in ["plain", "a%20b", "%E2%9C%93", "%zz", "%4", "100%", "%FF%FE", "%2F..%2F", "caf%C3%A9"] {
            XCTAssertEqual(PathText.percentDecoded(Substring(text)), text.removingPercentEncoding, text)
        }
    }

    func testUserinfoGoesAndOnlyFromTheAuthority() {
        XCTAssertEqual(URLRedaction.withoutUserinfo("https://u:p@h/p@q"), "https://h/p@q")
        XCTAssertEqual(URLRedaction.withoutUserinfo("http://a@b@h:8?x@y"), "http://h:8?x@y")
        XCTAssertEqual(URLRedaction.withoutUserinfo("http://h/x@y"), "http://h/x@y")
        XCTAssertEqual(URLRedaction.withoutUserinfo("no scheme@all"), "no scheme@all")
    }

    func testHostKeyNamesSchemeHostAndPort() {
        XCTAssertEqual(TransferSpec.hostKey(of: "https://U:P@Example.COM/x"), "https://example.com:443")
        XCTAssertEqual(TransferSpec.hostKey(of: "http://h:8080?q"), "http://h:8080")
        XCTAssertEqual(TransferSpec.hostKey(of: "http://[::1]/p"), "http://[::1]:80")
        XCTAssertEqual(TransferSpec.hostKey(of: "http://[::1]:9/p#f"), "http://[::1]:9")
    }
}
