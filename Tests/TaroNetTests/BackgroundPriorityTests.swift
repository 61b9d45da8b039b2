import Foundation
@testable import TaroNet
import XCTest

/// The disk worker and the persister run at a lower priority than the
/// threads a person waits on (the screen, the engine).
final class BackgroundPriorityTests: XCTestCase {
    /// Each of this process's threads: its id and nice value.
    private func threads() -> [Int: Int] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        var found: [Int: Int] = [:]
        for tid in tasks {
            guard let stat = try? String(contentsOfFile: "/proc/self/task/\(tid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")"), let id = Int(tid) else { continue }
            // After "(comm)": state is field 3, nice field 19.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if let nice = Int(fields[16]) { found[id] = nice }
        }
        return found
    }

    func testAManagersBackgroundThreadsRunNicerAndTheRestDoNot() throws {
        let before = threads()
        let ownBefore = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let dir = TestDirectory()
        defer { dir.remove() }
        let manager = try TransferManager(options: ManagerOptions(limit: 1, stateDirectory: dir.file("state")))
        defer { manager.shutdown() }
        var started: [Int: Int] = [:]
        func nicer() -> [Int] { started.values.filter { $0 == Int(BackgroundPriority.nice) } }
        // The engine, the disk worker and the persister; each of the last
        // two lowers its own priority once it runs.
        let deadline = Date().addingTimeInterval(10)
        repeat {
            Thread.sleep(forTimeInterval: 0.01)
            started = threads().filter { before[$0.key] == nil }
        } while nicer().count < 2 && Date() < deadline
        let nicer = nicer()
        XCTAssertEqual(nicer.count, 2, "the disk worker and the persister: \(started)")
        XCTAssertTrue(started.values.contains { $0 < Int(BackgroundPriority.nice) }, "the engine keeps its priority: \(started)")
        XCTAssertEqual(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), ownBefore, "the caller's own is left alone")
    }
}
