import TaroNet
import TaroServer
import XCTest

/// A loopback server, a session of its own and a scratch directory for each
/// test, all closed and removed afterwards.
class LoopbackTestCase: XCTestCase {
    var server: TaroServer!
    var session: TaroSession!
    var dir: TestDirectory!

    override func setUp() async throws {
        server = try TaroServer()
        session = TaroSession()
        dir = TestDirectory()
    }

    override func tearDown() async throws {
        session.close()
        server.stop()
        dir.remove()
    }
}
