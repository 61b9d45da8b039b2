import Foundation
import XCTest
@testable import TaroServer

final class UploadTests: ServerTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        directory = try Shell.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
        super.tearDown()
    }

    private func writeFile(_ name: String, size: Int, seed: UInt64) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(DeterministicBody.bytes(seed: seed, count: size)).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// curl -F streams a 3 MiB file plus text fields (with Expect: 100-continue);
    /// only the file's bytes are hashed.
    func testMultipartUploadWithCurl() throws {
        let size = 3 << 20
        let path = try writeFile("photo.bin", size: size, seed: 77)
        let result = try Shell.curl(["-F", "file=@\(path)", "-F", "title=holiday", "-F", "tags=a,b",
                                     server.url("/upload")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let answer = try json(result.stdout)
        let expected = try Shell.sha256sum(path)
        XCTAssertEqual(answer["bytes"] as? Int, size)
        XCTAssertEqual(answer["sha256"] as? String, expected)
        XCTAssertEqual(answer["fileName"] as? String, "photo.bin")
        XCTAssertEqual(answer["fieldName"] as? String, "file")
        XCTAssertEqual(answer["fields"] as? [String: String], ["title": "holiday", "tags": "a,b"])

        let record = try XCTUnwrap(server.uploads.last)
        XCTAssertEqual(record, UploadRecord(kind: .multipart, bytes: Int64(size), sha256: expected,
                                            fileName: "photo.bin", fieldName: "file",
                                            formFields: ["title": "holiday", "tags": "a,b"]))
        XCTAssertEqual(server.requestLog.last?.header("Expect"), "100-continue")
        XCTAssertGreaterThan(server.requestLog.last?.bodyBytes ?? 0, Int64(size))
    }

    func testPutWithCurl() throws {
        let size = 2 << 20
        let path = try writeFile("put.bin", size: size, seed: 5)
        let result = try Shell.curl(["-T", path, server.url("/upload")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let answer = try json(result.stdout)
        XCTAssertEqual(answer["bytes"] as? Int, size)
        XCTAssertEqual(answer["sha256"] as? String, DeterministicBody.sha256Hex(seed: 5, size: Int64(size)))
        XCTAssertTrue(answer["fileName"] is NSNull)
        XCTAssertEqual(server.uploads.last?.kind, .put)
    }

    /// A chunked PUT (no length known up front) and a raw POST with a status override.
    func testChunkedPutAndRawPost() throws {
        let path = try writeFile("stream.bin", size: 100_000, seed: 6)
        let chunked = try Shell.curl(["-T", path, "-H", "Transfer-Encoding: chunked", server.url("/upload")])
        XCTAssertEqual(try json(chunked.stdout)["sha256"] as? String, try Shell.sha256sum(path))

        let post = try Shell.curl(["-w", "\n%{http_code}", "-H", "Content-Type: application/octet-stream",
                                   "--data-binary", "@\(path)", server.url("/upload?status=201")])
        XCTAssertTrue(post.stdout.hasSuffix("\n201"), post.stdout)
        XCTAssertEqual(server.uploads.last?.kind, .raw("POST"))
        XCTAssertEqual(server.uploads.last?.bytes, 100_000)
    }

    func testMalformedMultipartIsRejected() throws {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("POST", "/upload", headers: ["Content-Type: multipart/form-data; boundary=zz"],
                               body: Array("--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ncut".utf8))
        XCTAssertEqual(try connection.readResponse().status, 400)
        XCTAssertTrue(server.uploads.isEmpty)
        // The connection stayed in sync.
        try connection.request("GET", "/json", close: true)
        XCTAssertEqual(try connection.readResponse().status, 200)
    }
}
