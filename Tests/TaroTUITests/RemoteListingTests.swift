import XCTest
import TaroNet
@testable import TaroTUI

/// `taro-tui ls`: what a running instance answers is shown in columns, with
/// every string escaped for the terminal (names and URLs come from clients
/// and servers), or passed on as JSON.
final class RemoteListingTests: XCTestCase {
    private func status(gid: String, status: String, path: String, uri: String, kind: String = "download",
                        done: String = "50", total: String = "200") -> JSONValue {
        ["gid": .string(gid), "status": .string(status), "completedLength": .string(done),
         "totalLength": .string(total), "downloadSpeed": "2048", "uploadSpeed": "0",
         "files": [["path": .string(path), "kind": .string(kind), "uris": [["uri": .string(uri)]]]]]
    }

    func testRowsShowIDStatusProgressSpeedAndName() {
        let text = RemoteListing.render([status(gid: "000000000000002a", status: "active", path: "/d/a.iso",
                                                uri: "http://h/a.iso")], json: false, asciiOnly: false)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("ID"))
        XCTAssertTrue(lines[1].hasPrefix("000000000000002a active   25%"), String(lines[1]))
        XCTAssertTrue(lines[1].hasSuffix(" a.iso"), String(lines[1]))
    }

    func testHostileNamesAreEscapedAndUploadsMarked() {
        let text = RemoteListing.render([status(gid: "1\u{1b}[2J", status: "complete", path: "/d/x\u{1b}]0;pwn\u{7}.bin",
                                                uri: "http://h/", kind: "upload")], json: false, asciiOnly: true)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 }, text)
        XCTAssertTrue(text.contains("^ "), text)
    }

    /// Lengths near Int64's end (whatever answers on the port may send
    /// them) give a percentage, not an overflow that kills `ls`.
    func testHugeLengthsDoNotOverflow() {
        let max = String(Int64.max)
        let text = RemoteListing.render([status(gid: "a", status: "active", path: "/d/h", uri: "http://h/h",
                                                done: max, total: max),
                                         status(gid: "b", status: "active", path: "/d/g", uri: "http://h/g",
                                                done: String(Int64.max / 2), total: max)], json: false, asciiOnly: true)
        let lines = text.split(separator: "\n")
        XCTAssertTrue(lines[1].hasPrefix("a                active   100%"), String(lines[1]))
        XCTAssertTrue(lines[2].hasPrefix("b                active   50%"), String(lines[2]))
    }

    func testJSONIsOneStatusObjectALine() {
        let rows = [status(gid: "a", status: "active", path: "", uri: "http://h/x"),
                    status(gid: "b", status: "paused", path: "", uri: "http://h/y")]
        let lines = RemoteListing.render(rows, json: true, asciiOnly: false).split(separator: "\n")
        XCTAssertEqual(lines.map { JSONValue.parse(Array($0.utf8)) }, rows.map { Optional($0) })
    }
}
