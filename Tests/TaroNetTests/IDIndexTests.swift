@testable import TaroNet
import XCTest

/// The id → slot index behind the manager's tables: a dictionary's answers
/// for dense ids and sparse ones alike.
final class IDIndexTests: XCTestCase {
    func testItAnswersAsADictionaryWould() {
        var index = IDIndex()
        var model: [UInt64: Int32] = [:]
        // Dense ids from one counter, a few far-off ones, and changes.
        let ids = Array(UInt64(1)...5000) + [UInt64.max, 1 << 40, 123_456_789]
        for (slot, id) in ids.enumerated() {
            index[id] = Int32(slot)
            model[id] = Int32(slot)
        }
        for id in stride(from: UInt64(1), through: 5000, by: 3) {
            index[id] = nil
            model[id] = nil
        }
        index[2] = 77
        model[2] = 77
        index[999_999] = nil
        XCTAssertEqual(index.count, model.count)
        for id in ids + [0, 5001, 999_999] { XCTAssertEqual(index[id], model[id], "id \(id)") }
        var seen: [UInt64: Int32] = [:]
        index.forEach { id, slot in seen[id] = slot }
        XCTAssertEqual(seen, model)
        XCTAssertEqual(Set(index.ids), Set(model.keys))
        for id in model.keys { index[id] = nil }
        XCTAssertTrue(index.isEmpty)
        XCTAssertEqual(index.ids, [])
    }
}
