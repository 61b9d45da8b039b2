import XCTest
import Foundation
import TaroNet
@testable import TaroTUI

/// Filtering 100,000 rows as the filter is typed: each keystroke re-filters
/// the whole list and renders a frame. The release build must stay under
/// 20 ms per keystroke (`swift test -c release -Xswiftc -enable-testing
/// --filter FilterBenchmarkTests`); the debug build only prints its times.
final class FilterBenchmarkTests: XCTestCase {
    func testFilteringAHundredThousandRowsPerKeystroke() {
        let count = 100_000
        var items = Fixtures.many(count)
        for index in items.indices where index % 10 == 3 { items[index].state = .failed }
        let controller = InMemoryTransferController(items: items)
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/x"),
                                 size: TerminalSize(rows: 40, cols: 120))
        _ = session.frameIfNeeded()
        session.handle(.character("/"))
        var samples: [Double] = []
        // Broad then narrow, then a state word: every keystroke walks all rows.
        for _ in 0..<3 {
            for scalar in "file-12 state:failed".unicodeScalars {
                let start = ContinuousClock.now
                session.handle(.character(scalar))
                _ = session.frameIfNeeded()
                let elapsed = ContinuousClock.now - start
                samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            }
            XCTAssertEqual(session.shown.count, 111, "failed rows (every tenth) named file-124, file-12?4, file-12??4")
            for _ in 0..<20 { session.handle(.backspace) }
            XCTAssertEqual(session.shown.count, count)
        }
        let sorted = samples.sorted()
        let median = sorted[sorted.count / 2], p95 = sorted[sorted.count * 95 / 100]
        print(String(format: "filter keystroke with %d transfers: median %.3f ms, p95 %.3f ms, max %.3f ms (%d samples)",
                     count, median, p95, sorted.last!, sorted.count))
        #if !DEBUG
        XCTAssertLessThan(p95, 20, "a keystroke must not show a pause")
        #endif
    }
}
