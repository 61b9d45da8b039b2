import Foundation
import TaroNet
import TaroServer
import XCTest

/// Bodies, lengths, chunk sizes and header sections a server uses to make a
/// client misbehave: each fails its own task cleanly, with a message that
/// says why and no file under the final name, while a download running
/// beside it completes byte-exact.
final class HostileServerFramingTests: HostileServerTestCase {
    // MARK: Body size

    func testEndlessBodyStopsAtMaxBodyBytes() async throws {
        // A terabyte without a length: the body only ends when the client leaves.
        let start = Date()
        let message = await assertFailsAlongsideANormalDownload("/bytes/1099511627776?nolength=1",
                                                                maxBodyBytes: 1_000_000)
        XCTAssertEqual(message, "downloadFile:fail response body larger than 1000000 bytes")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testEndlessChunkedBodyStopsAtMaxBodyBytes() async throws {
        let message = await assertFailsAlongsideANormalDownload("/bytes/1099511627776?chunked=1",
                                                                maxBodyBytes: 1_000_000)
        XCTAssertEqual(message, "downloadFile:fail response body larger than 1000000 bytes")
    }

    func testOversizedBodyWithItsLengthStopsAtMaxBodyBytes() async throws {
        let message = await assertFailsAlongsideANormalDownload("/bytes/5000000", maxBodyBytes: 1_000_000)
        XCTAssertEqual(message, "downloadFile:fail response body larger than 1000000 bytes")
    }

    func testBodyOfExactlyMaxBodyBytesIsAccepted() async throws {
        let result = try await session.downloadFile(DownloadFileOption(
            url: server.url("/bytes/1000000?seed=5&nolength=1"), filePath: sandbox.file("exact.bin"),
            maxBodyBytes: 1_000_000)).value
        XCTAssertEqual(result.dataLength, 1_000_000)
        XCTAssertEqual(try sha256sum(sandbox.file("exact.bin")), DeterministicBody.sha256Hex(seed: 5, size: 1_000_000))
    }

    // MARK: Content-Length

    func testNegativeContentLengthFailsCleanly() async throws {
        let message = await assertFailsAlongsideANormalDownload("/bytes/1000?cl=-5")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("content-length"), message)
    }

    func testJunkContentLengthFailsCleanly() async throws {
        let message = await assertFailsAlongsideANormalDownload("/bytes/1000?cl=abc")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("content-length"), message)
    }

    // Duplicated and overflowing lengths: HostileServerPendingTests.

    // MARK: Chunk sizes

    func testChunkSizeTooLargeFailsCleanly() async throws {
        let message = await assertFailsAlongsideANormalDownload("/rawchunk?size=ffffffffffffffffff")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("chunk"), message)
    }

    func testNegativeChunkSizeFailsCleanly() async throws {
        let message = await assertFailsAlongsideANormalDownload("/rawchunk?size=-5")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("chunk"), message)
    }

    func testJunkChunkSizeFailsCleanly() async throws {
        let message = await assertFailsAlongsideANormalDownload("/rawchunk?size=zz")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("chunk"), message)
    }

    // MARK: Headers

    func testHundredKiBOfHeadersFailsCleanly() async throws {
        // 200 headers of 512 bytes: about 104 KiB.
        let message = await assertFailsAlongsideANormalDownload("/headers?count=200&size=512")
        XCTAssertTrue(message.localizedCaseInsensitiveContains("header"), message)
        XCTAssertTrue(message.contains("KiB") || message.localizedCaseInsensitiveContains("large")
                      || message.localizedCaseInsensitiveContains("size"), message)
    }

    // One 100 KiB header line: HostileServerPendingTests.
}
