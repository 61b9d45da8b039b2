import Foundation
import TaroNet
import TaroServer
import XCTest

final class ReadmeExampleTests: XCTestCase {
    /// The README shows exactly the code this test runs.
    func testReadmeShowsTheTestedExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("ReadmeExample.swift"), encoding: .utf8)
        let example = try XCTUnwrap(between(source, "// README-BEGIN\n", "// README-END"))
        XCTAssertTrue(readme.contains("```swift\nimport TaroNet\n\n" + example + "```"),
                      "README.md's example differs from Tests/TaroNetTests/ReadmeExample.swift")
    }

    func testReadmeExampleDownloadsAFile() async throws {
        let server = try TaroServer()
        defer { server.stop() }
        let dir = TestDirectory()
        defer { dir.remove() }
        let result = try await fetch(server.url("/bytes/300000?seed=5"), to: dir.file("file.bin"))
        XCTAssertEqual(result.statusCode, 200)
        XCTAssertEqual(result.dataLength, 300_000)
        XCTAssertEqual(try sha256sum(dir.file("file.bin")), DeterministicBody.sha256Hex(seed: 5, size: 300_000))
    }

    func testReadmeAsyncExampleDownloadsAFile() async throws {
        let server = try TaroServer()
        defer { server.stop() }
        let dir = TestDirectory()
        defer { dir.remove() }
        let result = try await fetchAsync(server.url("/bytes/300000?seed=6"), to: dir.file("file.bin"))
        XCTAssertEqual(result.dataLength, 300_000)
        XCTAssertEqual(try sha256sum(dir.file("file.bin")), DeterministicBody.sha256Hex(seed: 6, size: 300_000))
    }

    private func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
        return String(text[a.upperBound..<b.lowerBound])
    }
}
