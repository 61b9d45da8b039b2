import TaroServer
import XCTest

/// For tests that run the taro-tui binary: a loopback server and a scratch
/// directory for each test, removed afterwards, and a failure up front when
/// the binary was not built next to the tests. A subclass adds its
/// resources in its own `setUp` after calling this one.
class BinaryTestCase: XCTestCase {
    var server: TaroServer!
    var dir: TestDirectory!

    override func setUp() async throws {
        server = try TaroServer()
        dir = TestDirectory()
        if TaroBinary.path == nil { XCTFail("taro-tui binary not found next to the tests") }
    }

    override func tearDown() async throws {
        server.stop()
        dir.remove()
    }
}
