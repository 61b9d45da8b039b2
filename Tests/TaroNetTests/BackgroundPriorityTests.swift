import Foundation
@testable import TaroNet
import XCTest

/// The disk worker and the persister run at a lower priority than the
/// threads a person waits on (the screen, the engine).
final class BackgroundPriorityTests: XCTestCase {
    func testAManagersBackgroundThreadsRunNicerAndTheRestDoNot() throws {
        let before = Set(ProcessThreads.list().map(\.id))
        let ownBefore = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let dir = TestDirectory()
        defer { dir.remove() }
        let manager = try TransferManager(options: ManagerOptions(limit: 1, stateDirectory: dir.file("state")))
        defer { manager.shutdown() }
        func started() -> [String: Int] {
            var nice: [String: Int] = [:]
            for thread in ProcessThreads.list() where !before.contains(thread.id) { nice[thread.name] = thread.nice }
            return nice
        }
        // Each of the two lowers its own priority once it runs.
        let wanted = Int(BackgroundPriority.nice)
        var seen = started()
        let deadline = Date().addingTimeInterval(10)
        while (seen["taro-disk"] != wanted || seen["taro-persist"] != wanted) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
            seen = started()
        }
        XCTAssertEqual(seen["taro-disk"], wanted, "the disk worker: \(seen)")
        XCTAssertEqual(seen["taro-persist"], wanted, "the persister: \(seen)")
        let engine = try XCTUnwrap(seen["taro-engine"], "the engine thread: \(seen)")
        XCTAssertLessThan(engine, wanted, "the engine keeps its priority")
        XCTAssertEqual(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), ownBefore, "the caller's own is left alone")
    }
}
