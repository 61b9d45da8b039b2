import XCTest
import Foundation
import TaroNet
@testable import TaroTUI

/// A frame with ten thousand transfers: only visible rows are laid out, so
/// it must stay far below the 5 ms budget (release build). The time is
/// printed, not asserted: test machines vary too much for a hard limit.
final class RenderBenchmarkTests: XCTestCase {
    static let count = 10_000

    func testTenThousandTransfersShowTheRightRowsAfterEnd() {
        let items = Fixtures.many(Self.count)
        var state = AppState(downloadDirectory: "/tmp/x", size: TerminalSize(rows: 40, cols: 120))
        state.reconcile(with: items)
        _ = AppReducer.reduce(&state, .end, items: items)
        XCTAssertEqual(state.selectedID, UInt64(Self.count))
        let lines = ScreenRenderer.render(state, items: items, size: state.size).lines
        let listRows = state.layout.listRows
        XCTAssertTrue(lines[listRows.upperBound - 1].hasPrefix(">↓ file-10000.bin"), lines[listRows.upperBound - 1])
        XCTAssertTrue(lines[listRows.lowerBound].hasPrefix(" ↓ file-\(Self.count - listRows.count + 1).bin"))
        XCTAssertTrue(lines[38].hasPrefix(" 8571 active · 1429 queued · 0 done"), lines[38])
        _ = AppReducer.reduce(&state, .pageUp, items: items)
        let afterPage = ScreenRenderer.render(state, items: items, size: state.size).lines
        XCTAssertTrue(afterPage[listRows.lowerBound].hasPrefix(">↓ file-\(Self.count - listRows.count).bin"),
                      afterPage[listRows.lowerBound])
    }

    func testMedianFrameTimeAt120x40WithTenThousandTransfers() {
        let items = Fixtures.many(Self.count)
        var state = AppState(downloadDirectory: "/tmp/x", size: TerminalSize(rows: 40, cols: 120))
        state.reconcile(with: items)
        _ = AppReducer.reduce(&state, .character("j"), items: items)
        var samples: [Double] = []
        var checksum = 0
        for index in 0..<201 {
            // Move the selection so consecutive frames differ, as they do live.
            state.select(index: (index * 37) % Self.count, in: items)
            let start = ContinuousClock.now
            let frame = ScreenRenderer.render(state, items: items, size: state.size)
            let elapsed = ContinuousClock.now - start
            checksum &+= frame.cells.count
            samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        let p90 = samples[samples.count * 90 / 100]
        let p95 = samples[samples.count * 95 / 100]
        print(String(format: "render 120x40 with %d transfers: min %.3f ms, median %.3f ms, p90 %.3f ms, p95 %.3f ms, "
                     + "max %.3f ms (%d frames)",
                     Self.count, samples[0], median, p90, p95, samples[samples.count - 1], samples.count))
        XCTAssertEqual(checksum, 201 * 120 * 40)
    }

    /// A whole tick as the app loop runs it when every transfer moved: take
    /// the controller's snapshot, follow the selection, render the frame.
    func testMedianTickTimeWithTenThousandChangingTransfers() {
        let controller = InMemoryTransferController(items: Fixtures.many(Self.count))
        let session = AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/x"),
                                 size: TerminalSize(rows: 40, cols: 120))
        session.handle(.character("j"))
        var samples: [Double] = []
        for index in 0..<201 {
            controller.update { $0[index % Self.count].bytesDone += 1 }
            let start = ContinuousClock.now
            XCTAssertTrue(session.refresh())
            let frame = session.frameIfNeeded()
            let elapsed = ContinuousClock.now - start
            XCTAssertNotNil(frame)
            samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        samples.sort()
        print(String(format: "tick (snapshot + render) with %d changing transfers: median %.3f ms, p95 %.3f ms",
                     Self.count, samples[samples.count / 2], samples[samples.count * 95 / 100]))
    }

    func testMedianReduceTimeForAKeyWithTenThousandTransfers() {
        let items = Fixtures.many(Self.count)
        var state = AppState(downloadDirectory: "/tmp/x", size: TerminalSize(rows: 40, cols: 120))
        state.reconcile(with: items)
        var samples: [Double] = []
        for index in 0..<201 {
            let key: Key = index % 2 == 0 ? .pageDown : .character("q")
            let start = ContinuousClock.now
            _ = AppReducer.reduce(&state, key, items: items)
            let elapsed = ContinuousClock.now - start
            samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        samples.sort()
        print(String(format: "reduce a key with %d transfers: median %.4f ms", Self.count, samples[samples.count / 2]))
    }
}
