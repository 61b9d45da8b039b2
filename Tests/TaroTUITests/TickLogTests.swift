import XCTest
import Foundation
import TaroNet
@testable import TaroTUI

/// TARO_TUI_TICK_LOG: ticks are kept in memory and written once, one line
/// each, with the footer's counts of that tick.
final class TickLogTests: XCTestCase {
    func testSamplesAreWrittenOneLineEachAtTheEnd() throws {
        let path = NSTemporaryDirectory() + "taro-ticks-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = TickLog(path: path)
        var totals = TransferTotals()
        totals.active = 16
        totals.queued = 99_984
        log.record(.microseconds(1234), feed: .microseconds(1000), cpu: .microseconds(800), totals: totals,
                   listed: 100_000, importing: false)
        totals.done = 3
        log.record(.milliseconds(2) + .nanoseconds(999), feed: .microseconds(5), cpu: .microseconds(7),
                   totals: totals, listed: 100_003, importing: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "nothing is written per tick")
        log.write()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, "1234\t16\t99984\t0\t100000\t0\t1000\t800\n2000\t16\t99984\t3\t100003\t1\t5\t7\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".part"), "renamed into place")
    }

    func testThreadCPUTimeCountsWorkNotSleep() {
        let start = TickLog.threadCPUTime()
        Thread.sleep(forTimeInterval: 0.05)
        let slept = TickLog.threadCPUTime() - start
        var x: UInt64 = 1
        let busyStart = TickLog.threadCPUTime()
        let until = ContinuousClock.now + .milliseconds(30)
        while ContinuousClock.now < until { x = x &* 6364136223846793005 &+ 1 }
        let busy = TickLog.threadCPUTime() - busyStart
        XCTAssertLessThan(slept, .milliseconds(10))
        XCTAssertGreaterThan(busy, .milliseconds(10), "\(x)")
    }

    func testTheEnvironmentNamesTheLog() {
        XCTAssertEqual(AppConfig.fromEnvironment(downloadDirectory: ".", environment: ["TARO_TUI_TICK_LOG": "/tmp/t"])
                        .tickLogPath, "/tmp/t")
        XCTAssertNil(AppConfig.fromEnvironment(downloadDirectory: ".", environment: ["TARO_TUI_TICK_LOG": ""]).tickLogPath)
        XCTAssertNil(AppConfig.fromEnvironment(downloadDirectory: ".", environment: [:]).tickLogPath)
    }
}
