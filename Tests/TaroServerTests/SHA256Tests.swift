import Foundation
import XCTest
@testable import TaroServer

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hexDigest([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hexDigest(Array("abc".utf8)),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Sizes around the padding edge cases (55/56/64) and a buffer that is not
    /// a whole number of blocks, each checked against coreutils.
    func testMatchesSha256sumAndDeterministicBodyDigest() throws {
        let directory = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for size in [0, 1, 55, 56, 63, 64, 65, 1000, (1 << 20) + 3] {
            let bytes = DeterministicBody.bytes(seed: 42, count: size)
            let path = directory.appendingPathComponent("body-\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let expected = try Shell.sha256sum(path)
            XCTAssertEqual(SHA256.hexDigest(bytes), expected, "size \(size)")
            XCTAssertEqual(try SHA256.hash(fileAt: path), expected, "file of size \(size)")
            XCTAssertEqual(DeterministicBody.sha256Hex(seed: 42, size: Int64(size)), expected, "body size \(size)")
        }
    }

    /// Feeding the same bytes in uneven pieces gives the same digest, and
    /// finalize() can be called on a running hash.
    func testIncrementalUpdatesMatchOneShot() {
        let bytes = DeterministicBody.bytes(seed: 9, count: 10_000)
        let expected = SHA256.hexDigest(bytes)
        for pieceSize in [1, 3, 63, 64, 65, 777] {
            var hasher = SHA256()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + pieceSize)
                hasher.update(Array(bytes[offset..<end]))
                offset = end
            }
            XCTAssertEqual(SHA256.hex(hasher.finalize()), expected, "pieces of \(pieceSize)")
            XCTAssertEqual(SHA256.hex(hasher.finalize()), expected, "finalize twice")
        }
    }

    func testHashingMissingFileThrows() {
        XCTAssertThrowsError(try SHA256.hash(fileAt: "/nonexistent/taro"))
    }

    /// Reports hashing speed in this build configuration; the floor only
    /// catches a pathological regression.
    func testHashingSpeed() {
        let size = 64 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        DeterministicBody.fill(buffer, seed: 7, offset: 0)
        let start = Date()
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(buffer))
        _ = hasher.finalize()
        let megabytesPerSecond = Double(size) / 1e6 / Date().timeIntervalSince(start)
        print("SHA256 speed: \(Int(megabytesPerSecond)) MB/s")
        XCTAssertGreaterThan(megabytesPerSecond, 20)
    }
}
