import Foundation
@testable import TaroNet
import TaroSync
import XCTest

/// Threads carry names the system's tools show, cut to the kernel's 15 bytes.
final class NamedThreadTests: XCTestCase {
    func testANamedThreadShowsItsNameCutToFifteenBytes() throws {
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        defer {
            release.signal()
            _ = finished.wait(timeout: .now() + 5)
        }
        let named = DispatchSemaphore(value: 0)
        NamedThread.start("taro-a-rather-long-thread-name") {
            named.signal()
            release.wait()
            finished.signal()
        }
        XCTAssertEqual(named.wait(timeout: .now() + 5), .success)
        let names = ProcessThreads.list().map(\.name)
        XCTAssertTrue(names.contains("taro-a-rather-l"), "\(names)")
        XCTAssertEqual("taro-a-rather-l".utf8.count, NamedThread.maxNameBytes)
    }

    func testAManagersThreadsAreNamed() throws {
        let dir = TestDirectory()
        defer { dir.remove() }
        let manager = try TransferManager(options: ManagerOptions(limit: 1, stateDirectory: dir.file("state")))
        defer { manager.shutdown() }
        let wanted: Set = ["taro-engine", "taro-disk", "taro-persist"]
        var names = Set(ProcessThreads.list().map(\.name))
        let deadline = Date().addingTimeInterval(10)
        while !wanted.isSubset(of: names) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
            names = Set(ProcessThreads.list().map(\.name))
        }
        XCTAssertTrue(wanted.isSubset(of: names), "\(names.sorted())")
    }
}
