import XCTest
@testable import TaroServer

final class MultipartStreamParserTests: XCTestCase {
    private let boundary = "----TaroBoundary7MA4YWxk"

    private func body(file: [UInt8]) -> [UInt8] {
        var bytes = Array("preamble to ignore\r\n--\(boundary)\r\n".utf8)
        bytes += Array("Content-Disposition: form-data; name=\"title\"\r\n\r\nHello; \"world\"\r\n--\(boundary)\r\n".utf8)
        bytes += Array("Content-Disposition: form-data; name=\"upload\"; filename=\"a;b \\\"c\\\".bin\"\r\n".utf8)
        bytes += Array("Content-Type: application/octet-stream\r\n\r\n".utf8)
        bytes += file
        bytes += Array("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--\(boundary)--\r\nepilogue".utf8)
        return bytes
    }

    private func parse(_ bytes: [UInt8], splitAt splits: [Int]) throws -> (UploadSink, Bool) {
        let parser = MultipartStreamParser(boundary: boundary)
        let sink = UploadSink()
        var start = 0
        for end in splits + [bytes.count] where end >= start {
            try bytes[start..<end].withUnsafeBytes { try parser.feed($0, to: sink) }
            start = end
        }
        return (sink, parser.isFinished)
    }

    /// The file content contains near-miss boundaries ("\r\n--" and a
    /// boundary prefix) that must not end the part.
    private var trickyFile: [UInt8] {
        Array("\r\n--\(boundary.dropLast())X".utf8) + DeterministicBody.bytes(seed: 3, count: 300) + Array("\r\n-".utf8)
    }

    func testWholeBody() throws {
        let file = trickyFile
        let (sink, finished) = try parse(body(file: file), splitAt: [])
        XCTAssertTrue(finished)
        XCTAssertEqual(sink.byteCount, Int64(file.count))
        XCTAssertEqual(sink.sha256, SHA256.hexDigest(file))
        XCTAssertEqual(sink.fileName, "a;b \"c\".bin")
        XCTAssertEqual(sink.fieldName, "upload")
        XCTAssertEqual(sink.formFields, ["title": "Hello; \"world\"", "empty": ""])
    }

    /// Every single split point, and byte-by-byte feeding, give the same result:
    /// boundaries and part headers split across reads are handled.
    func testEverySplitPoint() throws {
        let file = trickyFile
        let bytes = body(file: file)
        let expected = SHA256.hexDigest(file)
        for split in 0...bytes.count {
            let (sink, finished) = try parse(bytes, splitAt: [split])
            XCTAssertTrue(finished, "split at \(split)")
            XCTAssertEqual(sink.sha256, expected, "split at \(split)")
            XCTAssertEqual(sink.formFields["title"], "Hello; \"world\"", "split at \(split)")
        }
        let (sink, finished) = try parse(bytes, splitAt: Array(1..<bytes.count))
        XCTAssertTrue(finished)
        XCTAssertEqual(sink.sha256, expected)
    }

    func testTruncatedBodyIsNotFinished() throws {
        let bytes = body(file: [1, 2, 3])
        let (_, finished) = try parse(Array(bytes.prefix(bytes.count - 20)), splitAt: [])
        XCTAssertFalse(finished)
    }

    func testBoundaryParameter() {
        XCTAssertEqual(UploadRoute.boundary(in: "multipart/form-data; boundary=abc"), "abc")
        XCTAssertEqual(UploadRoute.boundary(in: "multipart/form-data; charset=utf-8; boundary=\"a b;c\""), "a b;c")
        XCTAssertNil(UploadRoute.boundary(in: "multipart/form-data"))
    }
}
