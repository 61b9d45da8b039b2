@testable import TaroNet
import XCTest

final class SafeFileNameTests: XCTestCase {
    func testHostileNamesBecomeSafeBaseNames() {
        XCTAssertEqual(SafeFileName.make("/etc/passwd"), "passwd")
        XCTAssertEqual(SafeFileName.make(".."), "download")
        XCTAssertEqual(SafeFileName.make("../../x"), "x")
        XCTAssertEqual(SafeFileName.make("dir/file"), "file")
        XCTAssertEqual(SafeFileName.make("dir\\file"), "file")
        XCTAssertEqual(SafeFileName.make(".bashrc"), "_bashrc")
        XCTAssertEqual(SafeFileName.make(""), "download")
        XCTAssertEqual(SafeFileName.make("a\u{1b}[2Jb\r.txt"), "a_[2Jb_.txt")
        XCTAssertEqual(SafeFileName.make("evil\u{202e}txt.exe"), "evil_txt.exe")
        XCTAssertEqual(SafeFileName.make("name. "), "name")
        XCTAssertEqual(SafeFileName.make("数据.bin"), "数据.bin")
        XCTAssertLessThanOrEqual(SafeFileName.make(String(repeating: "é", count: 500)).utf8.count, 200)
    }
}

final class SafeFileNamePartSuffixTests: XCTestCase {
    /// Found by the safename fuzz target: a name with ".." inside (not only
    /// at its start) kept it.
    func testNoSafeNameContainsTwoDotsInARow() {
        XCTAssertEqual(SafeFileName.make("/\\..ilc:.d\u{10}\u{0}..il"), "_ilc:.d__.il")
        XCTAssertEqual(SafeFileName.make("a..b"), "a.b")
        XCTAssertEqual(SafeFileName.make("report...pdf"), "report.pdf")
        XCTAssertEqual(SafeFileName.make("x.\u{1b}..y"), "x._.y")
        XCTAssertEqual(SafeFileName.make("...."), "download")
    }

    /// Found by the safename fuzz target: a long name cut to 200 bytes after
    /// the checks could end in ".part" (or in a dot or a space).
    func testALongNameIsCutBeforeItIsChecked() {
        let endsInPart = String(repeating: "a", count: 195) + ".part" + "xyz"
        XCTAssertEqual(SafeFileName.make(endsInPart), String(repeating: "a", count: 195) + "_part")
        let endsInDot = String(repeating: "b", count: 199) + ".c"
        XCTAssertEqual(SafeFileName.make(endsInDot), String(repeating: "b", count: 199))
        XCTAssertEqual(SafeFileName.make(String(repeating: "é", count: 300)).utf8.count, 200)
    }

    /// Found by the safename fuzz target: "/" followed by a combining mark is
    /// one Character, not "/", so splitting by Characters kept the slash.
    func testASlashWithACombiningMarkStillSeparates() {
        XCTAssertEqual(SafeFileName.make("dir/\u{0CF3}name"), "\u{0CF3}name")
        XCTAssertEqual(SafeFileName.make("a\\\u{0301}b"), "\u{0301}b")
        XCTAssertEqual(SafeFileName.make("x/\u{0301}"), "\u{0301}")
        XCTAssertFalse(SafeFileName.make("../\u{0338}../etc/passwd\u{0301}").unicodeScalars.contains("/"))
        XCTAssertEqual(SafeFileName.make(".\u{0301}bashrc"), "_\u{0301}bashrc", "hidden on disk all the same")
    }

    func testAServerCannotNameAFileLikeOurPartialFiles() {
        XCTAssertEqual(SafeFileName.make("movie.mkv.part"), "movie.mkv_part")
        XCTAssertEqual(SafeFileName.make("X.PART"), "X_part")
    }
}
