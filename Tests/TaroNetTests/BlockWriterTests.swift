import Glibc
import XCTest
@testable import TaroNet

/// BlockWriter chooses its buffer by the announced length (its own size for
/// a small body within the budget or a middling one, none for a small one
/// past the budget, a pooled block otherwise, a block again when more
/// arrives than announced); whichever it chose, the file must hold exactly
/// the bytes written, at the right offsets.
final class BlockWriterTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "blockwriter-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes `body` in pieces of `piece` bytes after announcing `announced`,
    /// and returns what the file holds.
    private func roundTrip(_ body: [UInt8], piece: Int, announced: Int64?, start: Int64 = 0) throws -> [UInt8] {
        let path = directory + "/f-\(body.count)-\(piece)-\(announced ?? -1)"
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let writer = BlockWriter(fd: fd, position: start)
        if let announced { writer.expect(remaining: announced) }
        var offset = 0
        try body.withUnsafeBytes { raw in
            while offset < body.count {
                let n = min(piece, body.count - offset)
                XCTAssertTrue(writer.write(raw.baseAddress! + offset, count: n))
                offset += n
                XCTAssertEqual(writer.end, start + Int64(offset))
            }
            if writer.failure != nil { throw NSError(domain: "write", code: 1) }
        }
        XCTAssertTrue(writer.flush())
        XCTAssertEqual(writer.position, start + Int64(body.count))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return Array(data.dropFirst(Int(start)))
    }

    private func body(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    func testSmallBodyArrivesWhole() throws {
        let bytes = body(16 * 1024)
        XCTAssertEqual(try roundTrip(bytes, piece: 5000, announced: Int64(bytes.count)), bytes)
    }

    func testMiddlingBodyInItsOwnBufferArrivesWhole() throws {
        let bytes = body(300 * 1024 + 7)
        XCTAssertEqual(try roundTrip(bytes, piece: 16 * 1024, announced: Int64(bytes.count)), bytes)
        XCTAssertEqual(try roundTrip(bytes, piece: 1000, announced: Int64(bytes.count)), bytes)
    }

    func testMoreThanAnnouncedSwitchesToABlockAndLosesNothing() throws {
        // A decoded body: 10 KiB announced, 3 MiB written in small pieces.
        let bytes = body(3 * 1024 * 1024 + 123)
        XCTAssertEqual(try roundTrip(bytes, piece: 4096, announced: 10 * 1024), bytes)
        // Announced as middling, more arrives.
        XCTAssertEqual(try roundTrip(bytes, piece: 7000, announced: 200 * 1024), bytes)
    }

    func testUnknownAndLargeLengthsUseABlock() throws {
        let bytes = body(2 * 1024 * 1024 + 5)
        XCTAssertEqual(try roundTrip(bytes, piece: 16 * 1024, announced: nil), bytes)
        XCTAssertEqual(try roundTrip(bytes, piece: 600 * 1024, announced: Int64(bytes.count)), bytes)
    }

    func testWritesAtAResumedOffset() throws {
        let bytes = body(40 * 1024)
        XCTAssertEqual(try roundTrip(bytes, piece: 3000, announced: Int64(bytes.count), start: 8192), bytes)
    }

    /// A small body is kept whole until the flush that finalizes the file,
    /// which runs on the disk worker, so nothing reaches the file before it;
    /// its bytes of the budget come back with that flush.
    func testSmallBodyIsWrittenAtTheFlushAndGivesItsBudgetBack() throws {
        let bytes = body(16 * 1024)
        let path = directory + "/small-held"
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let before = SmallBodyBudget.inUse
        let writer = BlockWriter(fd: fd, position: 0)
        writer.expect(remaining: Int64(bytes.count))
        bytes.withUnsafeBytes { raw in
            XCTAssertTrue(writer.write(raw.baseAddress!, count: 10_000))
            XCTAssertTrue(writer.write(raw.baseAddress! + 10_000, count: bytes.count - 10_000))
        }
        XCTAssertEqual(SmallBodyBudget.inUse, before + bytes.count)
        var st = stat()
        XCTAssertEqual(fstat(fd, &st), 0)
        XCTAssertEqual(st.st_size, 0, "nothing is written before the flush")
        XCTAssertTrue(writer.flush())
        XCTAssertEqual(SmallBodyBudget.inUse, before)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data), bytes)
    }

    /// Past the budget a small body is written as it arrives, and still whole.
    func testSmallBodyPastTheBudgetIsWrittenAsItArrives() throws {
        let rest = SmallBodyBudget.limit - SmallBodyBudget.inUse
        XCTAssertTrue(SmallBodyBudget.take(rest))
        defer { SmallBodyBudget.give(rest) }
        let bytes = body(16 * 1024)
        let path = directory + "/small-through"
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let writer = BlockWriter(fd: fd, position: 0)
        writer.expect(remaining: Int64(bytes.count))
        bytes.withUnsafeBytes { raw in
            XCTAssertTrue(writer.write(raw.baseAddress!, count: 10_000))
        }
        var st = stat()
        XCTAssertEqual(fstat(fd, &st), 0)
        XCTAssertEqual(st.st_size, 10_000, "written through, not held")
        bytes.withUnsafeBytes { raw in
            XCTAssertTrue(writer.write(raw.baseAddress! + 10_000, count: bytes.count - 10_000))
        }
        XCTAssertTrue(writer.flush())
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), bytes)
    }
}
