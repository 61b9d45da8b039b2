import Foundation
import Glibc
import TaroNet
import TaroServer
import XCTest

/// What the hostile-server suites share: a loopback server, a session, and
/// a download directory nested two levels inside a private root, so that a
/// name escaping the directory shows up as a stray path in the root.
class HostileServerTestCase: XCTestCase {
    var server: TaroServer!
    var session: TaroSession!
    var sandbox: Sandbox!
    private var mountPoint: String?

    override func setUp() async throws {
        server = try TaroServer()
        session = TaroSession()
        sandbox = Sandbox()
    }

    override func tearDown() async throws {
        session.close()
        server.stop()
        if let mountPoint {
            let unmount = Self.run("/bin/umount", [mountPoint])
            if unmount.status != 0 {
                XCTFail("unmount \(mountPoint): \(unmount.output)")
                _ = Self.run("/bin/umount", ["-l", mountPoint])
            }
        }
        sandbox.remove()
    }

    /// A tmpfs of `size` (mount's syntax, e.g. "2m") at ROOT/small, unmounted
    /// in tearDown. Skips the test only when mounting is not permitted.
    func mountTmpfs(size: String) throws -> String {
        let path = sandbox.root.path + "/small"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let mount = Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=" + size, "tmpfs", path])
        guard mount.status == 0 else {
            if getuid() != 0 || mount.output.localizedCaseInsensitiveContains("permission")
                || mount.output.localizedCaseInsensitiveContains("not permitted") {
                throw XCTSkip("cannot mount a tmpfs here (no permission: \(mount.output)); the full-disk case needs root")
            }
            throw MountFailure(output: mount.output)
        }
        mountPoint = path
        return path
    }

    func resizeTmpfs(size: String) throws {
        guard let mountPoint else { throw MountFailure(output: "nothing mounted") }
        let remount = Self.run("/bin/mount", ["-o", "remount,size=" + size, mountPoint])
        guard remount.status == 0 else { throw MountFailure(output: remount.output) }
    }

    struct MountFailure: Error, CustomStringConvertible {
        let output: String
        var description: String { "mount failed: \(output)" }
    }

    static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A download of `pathAndQuery` into `sandbox` that lets the server name
    /// the file; `pending.bin` is only the name used until the server speaks.
    func downloadNamedByServer(_ pathAndQuery: String, in directory: Sandbox) async throws -> DownloadFileResult {
        var option = DownloadFileOption(url: server.url(pathAndQuery), filePath: directory.file("pending.bin"))
        option.serverNaming = true
        return try await session.downloadFile(option).value
    }

    /// Downloads a 1000-byte body the server names through `pathAndQuery`
    /// twice into a fresh sandbox: the first lands as `expected`, byte-exact;
    /// then, with a file of that name already there, the second lands as
    /// `numbered` and the existing file is left as it was.
    func assertServerNames(_ pathAndQuery: String, seed: UInt64, as expected: String, then numbered: String,
                           file: StaticString = #filePath, line: UInt = #line) async throws {
        let directory = Sandbox()
        defer { directory.remove() }
        let first = try await downloadNamedByServer(pathAndQuery, in: directory)
        XCTAssertEqual(first.filePath, directory.file(expected), pathAndQuery, file: file, line: line)
        XCTAssertEqual(directory.contents, [expected], pathAndQuery, file: file, line: line)
        XCTAssertEqual(try sha256sum(directory.file(expected)), DeterministicBody.sha256Hex(seed: seed, size: 1000),
                       pathAndQuery, file: file, line: line)

        try "precious".write(toFile: directory.file(expected), atomically: false, encoding: .utf8)
        let second = try await downloadNamedByServer(pathAndQuery, in: directory)
        XCTAssertEqual(second.filePath, directory.file(numbered), pathAndQuery, file: file, line: line)
        XCTAssertEqual(directory.contents, [expected, numbered].sorted(), pathAndQuery, file: file, line: line)
        XCTAssertEqual(try String(contentsOfFile: directory.file(expected), encoding: .utf8), "precious",
                       "an existing file is never overwritten", file: file, line: line)
        XCTAssertEqual(try sha256sum(directory.file(numbered)), DeterministicBody.sha256Hex(seed: seed, size: 1000),
                       pathAndQuery, file: file, line: line)

        XCTAssertFalse(directory.contents.contains { $0.hasPrefix(".") }, "no hidden file", file: file, line: line)
        XCTAssertEqual(directory.strayPaths, [], "nothing outside the download directory", file: file, line: line)
    }

    /// The same for a `Content-Disposition` value sent verbatim.
    func assertDisposition(_ disposition: [UInt8], seed: UInt64, names expected: String, then numbered: String,
                           file: StaticString = #filePath, line: UInt = #line) async throws {
        try await assertServerNames("/bytes/1000?seed=\(seed)&dispo=" + QueryText.encode(disposition),
                                    seed: seed, as: expected, then: numbered, file: file, line: line)
    }

    func assertDisposition(_ disposition: String, seed: UInt64, names expected: String, then numbered: String,
                           file: StaticString = #filePath, line: UInt = #line) async throws {
        try await assertDisposition(Array(disposition.utf8), seed: seed, names: expected, then: numbered,
                                    file: file, line: line)
    }

    /// Starts a throttled 2 MB download (about a second), runs `hostile`
    /// into `hostile.bin` while it runs, and checks that the hostile one
    /// failed first, left no file, and the other still arrived intact.
    func assertFailsAlongsideANormalDownload(_ pathAndQuery: String, maxBodyBytes: Int64 = 0,
                                             file: StaticString = #filePath, line: UInt = #line) async -> String {
        let normal = session.downloadFile(DownloadFileOption(url: server.url("/bytes/2000000?seed=77&rate=2000000"),
                                                             filePath: sandbox.file("normal.bin")))
        let hostile = session.downloadFile(DownloadFileOption(url: server.url(pathAndQuery),
                                                              filePath: sandbox.file("hostile.bin"),
                                                              maxBodyBytes: maxBodyBytes))
        let message = await failure(of: hostile, file: file, line: line) ?? ""
        XCTAssertEqual(normal.snapshot?.state.isFinal, false, "the two ran side by side", file: file, line: line)
        XCTAssertFalse(fileExists(sandbox.file("hostile.bin")), "no file under the final name", file: file, line: line)
        XCTAssertFalse(fileExists(sandbox.file("hostile.bin.part")), file: file, line: line)
        do {
            let result = try await normal.value
            XCTAssertEqual(result.dataLength, 2_000_000, file: file, line: line)
            XCTAssertEqual(try sha256sum(sandbox.file("normal.bin")), DeterministicBody.sha256Hex(seed: 77, size: 2_000_000),
                           file: file, line: line)
        } catch {
            XCTFail("the normal download failed: \(error)", file: file, line: line)
        }
        XCTAssertEqual(sandbox.contents, ["normal.bin"], file: file, line: line)
        return message
    }

    /// Awaits a download that must fail, and returns its errMsg.
    func failure(of task: DownloadTask, file: StaticString = #filePath, line: UInt = #line) async -> String? {
        do {
            let result = try await task.value
            XCTFail("expected a failure, got status \(result.statusCode) with \(result.dataLength) bytes at "
                    + (result.filePath ?? "?"), file: file, line: line)
            return nil
        } catch let error as TaroError {
            XCTAssertEqual(error.kind, .failure, error.errMsg, file: file, line: line)
            XCTAssertTrue(error.errMsg.hasPrefix("downloadFile:fail "), error.errMsg, file: file, line: line)
            return error.errMsg
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }
}

/// `ROOT/outer/inner/downloads`: the download directory and, above it, two
/// levels where nothing may ever appear.
struct Sandbox {
    let root = TestDirectory()
    var downloads: String { root.path + "/outer/inner/downloads" }

    init() {
        try? FileManager.default.createDirectory(atPath: root.path + "/outer/inner/downloads",
                                                 withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { downloads + "/" + name }

    /// The download directory's entries, hidden ones included.
    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: downloads))?.sorted() ?? [] }

    /// Everything under the root that is neither the download directory, a
    /// directory on the way to it, nor directly inside it.
    var strayPaths: [String] {
        let expected: Set<String> = ["outer", "outer/inner", "outer/inner/downloads"]
        let all = (try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []
        return all.filter { path in
            if expected.contains(path) { return false }
            let inside = path.hasPrefix("outer/inner/downloads/")
            return !inside || path.dropFirst("outer/inner/downloads/".count).contains("/")
        }.sorted()
    }

    func remove() { root.remove() }
}

/// Percent-encodes raw bytes for a query value: TaroServer decodes them
/// back to exactly these bytes, which it then sends verbatim.
enum QueryText {
    static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    static func encode(_ text: String) -> String { encode(Array(text.utf8)) }
}
