import Foundation
import XCTest
@testable import TaroServer

final class DeterministicBodyTests: XCTestCase {
    /// Any window of the stream, at any offset, equals the same slice of a
    /// larger fill — ranges can start anywhere, not only on word boundaries.
    func testWindowsAtAnyOffsetMatchTheWholeStream() {
        let whole = DeterministicBody.bytes(seed: 5, count: 300)
        for offset in 0..<40 {
            for count in [0, 1, 7, 8, 9, 17, 100] where offset + count <= whole.count {
                XCTAssertEqual(DeterministicBody.bytes(seed: 5, offset: Int64(offset), count: count),
                               Array(whole[offset..<(offset + count)]), "offset \(offset) count \(count)")
            }
        }
    }

    /// The first word is splitmix64(splitmix64(seed) + 0), little-endian:
    /// pinned so other implementations can reproduce the body.
    func testWordLayoutIsPinned() {
        let base = DeterministicBody.mix(1)
        let word = DeterministicBody.mix(base)
        let expected = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
        XCTAssertEqual(DeterministicBody.bytes(seed: 1, count: 8), expected)
    }

    /// Shifted windows and neighbouring seeds never coincide.
    func testStreamIsNotPeriodicAndSeedsDiffer() {
        let first = DeterministicBody.bytes(seed: 1, count: 64)
        for shift in [1, 8, 16, 4096, 1 << 20] {
            XCTAssertNotEqual(DeterministicBody.bytes(seed: 1, offset: Int64(shift), count: 64), first)
        }
        XCTAssertNotEqual(DeterministicBody.bytes(seed: 2, count: 64), first)
        XCTAssertNotEqual(DeterministicBody.bytes(seed: 2, count: 64), DeterministicBody.bytes(seed: 1, offset: 8, count: 64))
    }
}
