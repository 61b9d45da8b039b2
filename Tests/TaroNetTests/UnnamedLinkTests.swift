import CSystem
import Glibc
import XCTest
@testable import TaroNet

/// An unnamed file gets its name whichever way the kernel allows, and a
/// name already taken is never replaced.
final class UnnamedLinkTests: XCTestCase {
    private let dir = TestDirectory()
    private var directory: String { dir.path }

    override func tearDown() { dir.remove() }

    private func unnamedFile(holding text: String) throws -> Int32 {
        let fd = taro_open_unnamed(directory, 0o644)
        // The product itself falls back to a named .part there (FileSink);
        // this test is about naming an unnamed file, so it needs one.
        try XCTSkipIf(fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR),
                      "no O_TMPFILE on the filesystem of \(directory)")
        XCTAssertGreaterThanOrEqual(fd, 0)
        let bytes = Array(text.utf8)
        XCTAssertEqual(write(fd, bytes, bytes.count), bytes.count)
        return fd
    }

    func testAnUnnamedFileIsNamedAndAKnownNameIsNeverReplaced() throws {
        let first = try unnamedFile(holding: "first")
        defer { close(first) }
        let path = directory + "/file.bin"
        XCTAssertEqual(UnnamedLink.link(first, to: path), 0, String(cString: strerror(errno)))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "first")

        let second = try unnamedFile(holding: "second")
        defer { close(second) }
        XCTAssertEqual(UnnamedLink.link(second, to: path), -1)
        XCTAssertEqual(errno, EEXIST)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "first", "the taken name kept its file")

        XCTAssertEqual(UnnamedLink.link(second, to: directory + "/file-1.bin"), 0)
        XCTAssertEqual(try String(contentsOfFile: directory + "/file-1.bin", encoding: .utf8), "second")
    }

    func testAMissingDirectoryFailsWithENOENT() throws {
        let fd = try unnamedFile(holding: "x")
        defer { close(fd) }
        XCTAssertEqual(UnnamedLink.link(fd, to: directory + "/no-such-dir/file.bin"), -1)
        XCTAssertEqual(errno, ENOENT)
        // And the next link still works (a missing directory settles nothing).
        XCTAssertEqual(UnnamedLink.link(fd, to: directory + "/file.bin"), 0)
    }
}
