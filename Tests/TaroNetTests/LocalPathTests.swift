import Foundation
@testable import TaroNet
import XCTest

/// Every spelling of one place gives one string; a file's own name is never followed.
final class LocalPathTests: XCTestCase {
    var dir: TestDirectory!
    /// The temporary directory itself may sit behind a symlink: compare with its real path.
    var real: String!

    override func setUp() {
        dir = TestDirectory()
        try? FileManager.default.createDirectory(atPath: dir.file("d/sub"), withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: dir.file("link"), withDestinationPath: "d")
        real = String(cString: realpath(dir.path, nil))
    }

    override func tearDown() { dir.remove() }

    func testSpellingsOfOneDirectoryAgree() {
        let spellings = ["d", "./d", "d/", "./d/.", "d/sub/..", "link", "link/", "link/sub/..", dir.file("d"),
                         dir.path + "//d///", dir.file("link")]
        for spelling in spellings {
            XCTAssertEqual(LocalPath.canonicalDirectory(spelling, workingDirectory: dir.path), real + "/d", spelling)
        }
    }

    func testTildeIsTheHomeDirectory() {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        XCTAssertEqual(LocalPath.canonicalDirectory("~"), LocalPath.canonicalDirectory(home))
        XCTAssertEqual(LocalPath.canonicalFile("~/x.bin"), LocalPath.canonicalDirectory(home) + "/x.bin")
    }

    func testThePartThatDoesNotExistIsKeptWithDotDotTakenLexically() {
        XCTAssertEqual(LocalPath.canonicalDirectory("link/new/deeper/../x", workingDirectory: dir.path),
                       real + "/d/new/x")
        XCTAssertEqual(LocalPath.canonicalDirectory("/.."), "/")
    }

    /// Back out of a part that does not exist, the rest is resolved again:
    /// `missing/../link` is the directory `link` points to, as for the kernel.
    func testDotDotOutOfAMissingPartResolvesWhatExistsAgain() {
        for spelling in ["missing/../link", "missing/deeper/../../link/sub/..", "missing/../d"] {
            XCTAssertEqual(LocalPath.canonicalDirectory(spelling, workingDirectory: dir.path), real + "/d", spelling)
        }
        XCTAssertEqual(LocalPath.canonicalFile("missing/../link/f.bin", workingDirectory: dir.path), real + "/d/f.bin")
    }

    func testAFileNameIsNeverFollowed() throws {
        try FileManager.default.createSymbolicLink(atPath: dir.file("d/planted"), withDestinationPath: "/etc/passwd")
        XCTAssertEqual(LocalPath.canonicalFile("link/planted", workingDirectory: dir.path), real + "/d/planted")
        XCTAssertEqual(LocalPath.canonicalFile("./link/sub/../f.bin", workingDirectory: dir.path), real + "/d/f.bin")
    }

    func testSavedRecordsAreComparedInTheSameSpelling() {
        let request = TransferRequest.download(url: "http://h/f", path: dir.file("link/f"), headers: [:])
        XCTAssertEqual(request.canonicalized, .download(url: "http://h/f", path: real + "/d/f", headers: [:]))
    }
}
