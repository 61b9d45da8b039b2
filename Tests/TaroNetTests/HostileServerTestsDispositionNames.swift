import Foundation
import TaroNet
import TaroServer
import XCTest

/// A name from Content-Disposition — `filename` and RFC 5987 `filename*` —
/// becomes a safe base name inside the download directory: never a path,
/// never hidden, never over an existing file (that one is kept and the new
/// file numbered). Each case runs against a fresh directory two levels
/// below a private root, which must hold nothing else afterwards.
final class HostileServerDispositionNameTests: HostileServerTestCase {
    func testDispositionAbsolutePathEtcPasswd() async throws {
        let before = try sha256sum("/etc/passwd")
        try await assertDisposition(#"attachment; filename="/etc/passwd""#, seed: 11,
                                    names: "passwd", then: "passwd-1")
        try await assertDisposition("attachment; filename*=UTF-8''%2Fetc%2Fpasswd", seed: 12,
                                    names: "passwd", then: "passwd-1")
        XCTAssertEqual(try sha256sum("/etc/passwd"), before)
    }

    func testDispositionDotDot() async throws {
        try await assertDisposition(#"attachment; filename="..""#, seed: 21, names: "download", then: "download-1")
        try await assertDisposition("attachment; filename=..", seed: 22, names: "download", then: "download-1")
        try await assertDisposition("attachment; filename*=UTF-8''..", seed: 23, names: "download", then: "download-1")
        try await assertDisposition(#"attachment; filename="../../..""#, seed: 24,
                                    names: "download", then: "download-1")
    }

    func testDispositionDirSlashFile() async throws {
        try await assertDisposition(#"attachment; filename="dir/file""#, seed: 31, names: "file", then: "file-1")
        try await assertDisposition("attachment; filename*=UTF-8''dir%2Ffile", seed: 32, names: "file", then: "file-1")
        try await assertDisposition(#"attachment; filename="../outer/inner/file""#, seed: 33,
                                    names: "file", then: "file-1")
    }

    func testDispositionDirBackslashFile() async throws {
        // As a token, so that the backslash reaches the client unescaped.
        try await assertDisposition(#"attachment; filename=dir\file"#, seed: 41, names: "file", then: "file-1")
        try await assertDisposition("attachment; filename*=UTF-8''dir%5Cfile", seed: 42, names: "file", then: "file-1")
        try await assertDisposition(#"attachment; filename=..\..\file"#, seed: 43, names: "file", then: "file-1")
    }

    func testDispositionPercentEncodedDotDotSlash() async throws {
        // The plain parameter is not percent-decoded (RFC 6266 §4.3): the
        // name is the literal text, which names a file in the directory.
        try await assertDisposition(#"attachment; filename="%2E%2E%2F""#, seed: 51,
                                    names: "%2E%2E%2F", then: "%2E%2E%2F-1")
        // The extended one is decoded, to "../", which leaves no name at all.
        try await assertDisposition("attachment; filename*=UTF-8''%2E%2E%2F", seed: 52,
                                    names: "download", then: "download-1")
        try await assertDisposition("attachment; filename*=UTF-8''%2E%2E%2F%2E%2E%2Fescape", seed: 53,
                                    names: "escape", then: "escape-1")
    }

    func testDispositionExtendedDotDotSlash() async throws {
        try await assertDisposition("attachment; filename*=UTF-8''..%2F", seed: 61, names: "download", then: "download-1")
        // filename* wins over filename, and is reduced all the same.
        try await assertDisposition(#"attachment; filename="ok.bin"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd"#,
                                    seed: 62, names: "passwd", then: "passwd-1")
        try await assertDisposition("attachment; filename*=utf-8'en'..%2F..%2F.ssh%2Fauthorized_keys", seed: 63,
                                    names: "authorized_keys", then: "authorized_keys-1")
    }

    func testDispositionDotBashrc() async throws {
        try await assertDisposition(#"attachment; filename=".bashrc""#, seed: 71, names: "_bashrc", then: "_bashrc-1")
        try await assertDisposition("attachment; filename*=UTF-8''.bashrc", seed: 72, names: "_bashrc", then: "_bashrc-1")
        try await assertDisposition(#"attachment; filename="  ...bashrc""#, seed: 73,
                                    names: "_bashrc", then: "_bashrc-1")
    }

    func testDispositionEmptyName() async throws {
        try await assertDisposition(#"attachment; filename="""#, seed: 81, names: "download", then: "download-1")
        try await assertDisposition("attachment; filename=", seed: 82, names: "download", then: "download-1")
        try await assertDisposition("attachment; filename*=UTF-8''", seed: 83, names: "download", then: "download-1")
        try await assertDisposition(#"attachment; filename="   ""#, seed: 84, names: "download", then: "download-1")
    }

    func testDispositionControlCharacters() async throws {
        // C0 controls, DEL and a backspace, sent as raw header bytes.
        try await assertDisposition(Array(#"attachment; filename="a"#.utf8) + [0x01] + Array("b".utf8) + [0x07]
                                    + Array("c".utf8) + [0x7F] + Array("d".utf8) + [0x08] + Array(#"e.txt""#.utf8),
                                    seed: 91, names: "a_b_c_d_e.txt", then: "a_b_c_d_e-1.txt")
        // CR, LF, NUL and TAB, percent-encoded in filename*.
        try await assertDisposition("attachment; filename*=UTF-8''x%0D%0Ay%00z%09w.txt", seed: 92,
                                    names: "x__y_z_w.txt", then: "x__y_z_w-1.txt")
        // C1 controls (NEL, CSI) as UTF-8.
        try await assertDisposition("attachment; filename*=UTF-8''c1%C2%85%C2%9Bx", seed: 93,
                                    names: "c1__x", then: "c1__x-1")
        // Bytes that are not UTF-8 at all.
        try await assertDisposition(Array(#"attachment; filename=""#.utf8) + [0xFF, 0xFE] + Array(#"z.txt""#.utf8),
                                    seed: 94, names: "__z.txt", then: "__z-1.txt")
    }

    func testDispositionEscapeAndBidiOverride() async throws {
        // Raw ESC sequences (SGR, OSC with BEL) and U+202E RIGHT-TO-LEFT OVERRIDE.
        let raw = Array(#"attachment; filename=""#.utf8) + [0x1B] + Array("[31mred".utf8) + [0x1B]
            + Array("]0;title".utf8) + [0x07] + Array("\u{202E}gpj.exe\"".utf8)
        try await assertDisposition(raw, seed: 101, names: "_[31mred_]0;title__gpj.exe",
                                    then: "_[31mred_]0;title__gpj-1.exe")
        try await assertDisposition("attachment; filename*=UTF-8''%1B%5B2Jevil%E2%80%AEtxt.exe", seed: 102,
                                    names: "_[2Jevil_txt.exe", then: "_[2Jevil_txt-1.exe")
        // Isolates and marks: LRI U+2066, RLM U+200F, ALM U+061C.
        try await assertDisposition("attachment; filename*=UTF-8''a%E2%81%A6b%E2%80%8Fc%D8%9Cd", seed: 103,
                                    names: "a_b_c_d", then: "a_b_c_d-1")
    }

    func testDispositionOverlongName() async throws {
        let long = String(repeating: "é", count: 300)
        let expected = String(repeating: "é", count: 100)
        try await assertDisposition("attachment; filename*=UTF-8''" + QueryText.encode(long), seed: 111,
                                    names: expected, then: expected + "-1")
    }

    /// Without serverNaming the server has no say: the file is exactly filePath.
    func testDispositionIsIgnoredWithoutServerNaming() async throws {
        let dispo = QueryText.encode(#"attachment; filename="../../escape.sh""#)
        let result = try await session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/1000?seed=121&dispo=" + dispo), filePath: sandbox.file("chosen.bin"))).value
        XCTAssertEqual(result.filePath, sandbox.file("chosen.bin"))
        XCTAssertEqual(sandbox.contents, ["chosen.bin"])
        XCTAssertEqual(sandbox.strayPaths, [])
    }
}
