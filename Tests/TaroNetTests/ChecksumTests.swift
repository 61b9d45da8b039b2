@testable import TaroNet
import XCTest

/// The checksum a person writes, and the digests a server states.
final class ChecksumTests: XCTestCase {
    let abc256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    let abc = Array("abc".utf8)

    /// A scratch file holding "abc", open with `flags`; closed and removed
    /// when the test ends.
    private func abcFile(flags: Int32 = O_RDWR) -> (path: String, fd: Int32) {
        let path = NSTemporaryDirectory() + "/stream-digest-\(getpid())-\(UUID().uuidString)"
        let fd = open(path, flags | O_CREAT | O_TRUNC, 0o600)
        _ = abc.withUnsafeBytes { write(fd, $0.baseAddress, 3) }
        addTeardownBlock {
            close(fd)
            unlink(path)
        }
        return (path, fd)
    }

    func testParsesEachAlgorithmInAnyCase() throws {
        let c = try Checksum(parsing: "SHA256=" + abc256.uppercased())
        XCTAssertEqual(c.algorithm, .sha256)
        XCTAssertEqual(c.description, "sha256=" + abc256)
        XCTAssertEqual(try Checksum(parsing: "sha-512=" + String(repeating: "ab", count: 64)).algorithm, .sha512)
        XCTAssertEqual(try Checksum(parsing: " md5=900150983cd24fb0d6963f7d28e17f72 ").algorithm, .md5)
    }

    func testRefusesWhatIsNotAChecksumSayingWhy() {
        let cases = ["sha256", "sha1=a9993e364706816aba3e25717850c26c9cd0d89d", "sha256=abc", "md5=zz0150983cd24fb0d6963f7d28e17f72",
                     "sha256=" + String(repeating: "a", count: 63)]
        for text in cases {
            XCTAssertThrowsError(try Checksum(parsing: text), text) { error in
                XCTAssertFalse("\(error)".isEmpty)
            }
        }
        XCTAssertThrowsError(try Checksum(parsing: "sha1=a9993e364706816aba3e25717850c26c9cd0d89d")) {
            XCTAssertTrue("\($0)".contains("unknown checksum algorithm sha1"), "\($0)")
        }
    }

    func testReadsReprDigestAndDigestButNotContentDigest() {
        // base64 of SHA-256("abc") and MD5("abc").
        let sha = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        let md5 = "kAFQmDzST7DWlj99KOF/cg=="
        let fields = [
            HTTPExchange.Field(name: "Content-Digest", value: "sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:"),
            HTTPExchange.Field(name: "Repr-Digest", value: "unixsum=:AAA=:, sha-256=:\(sha):"),
            HTTPExchange.Field(name: "Digest", value: "MD5=\(md5)"),
        ]
        let found = ServerDigest.checksums(in: fields)
        XCTAssertEqual(found.map(\.description), ["sha256=" + abc256, "md5=900150983cd24fb0d6963f7d28e17f72"])
    }

    func testStreamDigestHashesOnlyAContiguousRunAndRereadsOtherwise() throws {
        let fd = abcFile().fd
        let bytes = abc
        let expected = try Checksum(parsing: "sha256=" + abc256)
        // In order: verified from the running hash.
        let inOrder = StreamDigest(expected: [expected])
        bytes.withUnsafeBytes { inOrder.feed($0.baseAddress!, count: 3, at: 0) }
        XCTAssertEqual(try inOrder.verify(fd: fd, size: 3), "sha256")
        // Out of order (as segments write): read back from the file instead.
        let outOfOrder = StreamDigest(expected: [expected])
        bytes.withUnsafeBytes { outOfOrder.feed($0.baseAddress! + 2, count: 1, at: 2) }
        XCTAssertEqual(try outOfOrder.verify(fd: fd, size: 3), "sha256")
        // A resumed prefix is hashed first, then the rest continues it.
        let resumed = StreamDigest(expected: [expected])
        resumed.hashPrefix(fd: fd, length: 2)
        bytes.withUnsafeBytes { resumed.feed($0.baseAddress! + 2, count: 1, at: 2) }
        XCTAssertEqual(try resumed.verify(fd: fd, size: 3), "sha256")
        // A wrong digest says expected versus got.
        let wrong = StreamDigest(expected: [try Checksum(parsing: "md5=" + String(repeating: "0", count: 32))])
        XCTAssertThrowsError(try wrong.verify(fd: fd, size: 3)) { error in
            XCTAssertEqual((error as? TransferFailure)?.reason,
                           "checksum mismatch: expected md5=00000000000000000000000000000000, got md5=900150983cd24fb0d6963f7d28e17f72")
        }
    }

    /// With no digest expected, a resume reads nothing back: hashing the
    /// prefix of a large .part on the engine thread would help no one. A
    /// digest the server states later is checked from the file at the end.
    func testAResumeWithNothingExpectedReadsNoPrefix() throws {
        // Open for writing only: any read of it fails, so a read would show.
        let (path, writeOnly) = abcFile(flags: O_WRONLY)
        let digest = StreamDigest(expected: [])
        digest.hashPrefix(fd: writeOnly, length: 2)
        XCTAssertEqual(digest.next, 2, "nothing to hash: the run continues after the prefix, unread")
        abc.withUnsafeBytes { digest.feed($0.baseAddress! + 2, count: 1, at: 2) }
        digest.add([try Checksum(parsing: "sha256=" + abc256)])
        XCTAssertNil(digest.next, "a digest learned after the prefix cannot catch up: the file is read at the end")
        let readable = open(path, O_RDONLY)
        defer { close(readable) }
        XCTAssertEqual(try digest.verify(fd: readable, size: 3), "sha256")
    }

    /// A mismatch with a digest the server stated (Repr-Digest, Digest)
    /// says so: the user may have asked for no checksum at all.
    func testAMismatchWithTheServersDigestSaysItWasTheServers() throws {
        let fd = abcFile().fd
        let digest = StreamDigest(expected: [])
        digest.add([try Checksum(parsing: "md5=" + String(repeating: "0", count: 32))])
        XCTAssertThrowsError(try digest.verify(fd: fd, size: 3)) { error in
            XCTAssertEqual((error as? TransferFailure)?.reason,
                           "checksum mismatch: the server's digest header says md5=00000000000000000000000000000000, "
                               + "the file has md5=900150983cd24fb0d6963f7d28e17f72")
        }
    }
}
