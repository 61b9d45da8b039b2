import XCTest
import TaroNet
@testable import TaroTUI

/// A queued transfer whose length is not known yet has nothing to show:
/// an empty bar and no percent. Only a running transfer of unknown length
/// gets the moving block and `?%`.
final class QueuedRowSnapshotTests: XCTestCase {
    static let items: [TransferSnapshot] = [
        Fixtures.item(1, "next.iso", .queued),
        Fixtures.item(2, "photo.jpg", .queued, kind: .upload, done: 0, total: 2 * Fixtures.MiB),
        Fixtures.item(3, "connecting.dat", .connecting),
        Fixtures.item(4, "stream.log", .active, done: 2 * Fixtures.MiB, total: nil, speed: 100 * 1024),
        Fixtures.item(5, "paused.log", .paused, done: 1 * Fixtures.MiB, total: nil),
    ]

    func testQueuedRowOfUnknownLengthAt80x10() {
        // The queued upload knows its size, so its 0% is true; the paused
        // row keeps ?% since bytes did arrive.
        let state = SnapshotScenes.state(10, 80, items: Self.items)
        assertScreen(SnapshotScenes.render(state, Self.items), #"""
           NAME             PROGRESS       %              SIZE      SPEED    ETA STATE
        >↓ next.iso         [░░░░░░░░░]                  0 B/?                   queued
         ↑ photo.jpg        [░░░░░░░░░]   0%       0 B/2.0 MiB                   queued
         ↓ connecting.dat   [▓▓▓      ]   ?%             0 B/?                   active
         ↓ stream.log       [    ▓▓▓  ]   ?%         2.0 MiB/?  100 KiB/s        active
         ↓ paused.log       [░░░░░░░░░]   ?%         1.0 MiB/?                   paused


         2 active · 2 queued · 1 paused · 0 done · 0 failed · 100 KiB/s · ETA 21s+
         a add  u upload  x abort  p pause  r retry  d remove  ⏎ headers  ? help  q quit
        """#)
    }

    func testQueuedRowOfUnknownLengthAt40x10() {
        // No size column: running rows show their byte count in the bar's
        // place; the queued one still has only its empty bar.
        let state = SnapshotScenes.state(10, 40, items: Self.items)
        assertScreen(SnapshotScenes.render(state, Self.items), #"""
           NAME           PROGRESS     % STATE
        >↓ next.iso       [░░░░░░░]      queued
         ↑ photo.jpg      [░░░░░░░]   0% queued
         ↓ connecting.dat 0 B         ?% active
         ↓ stream.log     2.0 MiB     ?% active
         ↓ paused.log     1.0 MiB     ?% paused


         2 active · 100 KiB/s · ETA 21s+
         a add  x abort  p pause  ? help  q quit
        """#)
    }
}
