@testable import TaroNet
import Foundation
import XCTest

/// The persister decides under the manager's lock, which the TUI's tick
/// waits for: it looks at a bounded number of rows per hold, saves each
/// row's record once, and keeps rows too young for a record in a queue of
/// their own, listed once however often they change, taken once old enough.
final class PersistStepTests: XCTestCase {
    private func add(_ ids: ClosedRange<UInt64>, queuedAt: Date, to manager: TransferManager) {
        manager.state.withLock { s in
            for id in ids {
                let request = TransferRequest.download(url: "http://h/f\(id)", path: "/tmp/persist-step-\(id)",
                                                       headers: [:])
                s.appendRow(ManagedRow(request: request, serverNaming: false, earlierAttempts: 0),
                            request.queuedSnapshot(id: id, addedAt: queuedAt))
            }
        }
    }

    /// Steps until the rows left to look at now run out; checks each step's bound.
    private func pass(_ manager: TransferManager, file: StaticString = #filePath,
                      line: UInt = #line) -> [RecordDraft] {
        var drafts: [RecordDraft] = []
        var more = true
        var first = true
        while more {
            var work = TransferManager.PersistWork()
            let startsPass = first
            // Counted inside the step's own hold: the manager's persister
            // thread steps through the same backlog between our holds.
            var taken = 0
            more = manager.state.withLock { s in
                let before = s.persistBacklog.count
                let more = manager.persistStep(&s, startsPass: startsPass, into: &work)
                taken = before - s.persistBacklog.count
                return more
            }
            first = false
            XCTAssertLessThanOrEqual(work.save.count, TransferManager.savedPerHold, file: file, line: line)
            if !startsPass {
                XCTAssertLessThanOrEqual(taken, TransferManager.examinedPerHold, file: file, line: line)
            }
            drafts += work.save
            manager.write(work)
        }
        return drafts
    }

    func testAPassOverManyRowsTakesTheLockForAFewHundredAtATimeAndSavesEachOnce() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let manager = try TransferManager(options: ManagerOptions(limit: 1, stateDirectory: directory.path))
        defer { manager.shutdown() }
        let ids = UInt64(1)...UInt64(5 * TransferManager.examinedPerHold + 7)
        add(ids, queuedAt: Date().addingTimeInterval(-10 * TransferManager.recordAge), to: manager)
        // Changed again before anyone looked: still listed once.
        manager.state.withLock { s in for id in ids { s.touch(id); s.touch(id) } }
        var firstStep = TransferManager.PersistWork()
        manager.state.withLock { s in
            _ = manager.persistStep(&s, startsPass: true, into: &firstStep)
            XCTAssertLessThanOrEqual(s.persistBacklog.count, ids.count, "each changed row listed once")
        }
        manager.write(firstStep)
        let drafts = firstStep.save + pass(manager)
        XCTAssertEqual(Set(drafts.map(\.key)).count, drafts.count, "no record saved twice")
        manager.state.withLock { s in
            XCTAssertEqual(ids.filter { s.rows[$0]?.saved == nil }, [], "every row has its record")
        }
        XCTAssertTrue(pass(manager).isEmpty, "nothing changed: nothing to save again")
    }

    func testYoungRowsWaitInOneQueueOnceEachAndAreSavedWhenOldEnough() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let manager = try TransferManager(options: ManagerOptions(limit: 1, stateDirectory: directory.path))
        defer { manager.shutdown() }
        let ids = UInt64(1)...UInt64(300)
        let added = Date()
        add(ids, queuedAt: added, to: manager)
        let first = pass(manager)
        // Changed again while young: looked at again, not listed again.
        manager.state.withLock { s in for id in ids { s.touch(id) } }
        let second = pass(manager)
        let secondEnded = Date()
        manager.state.withLock { XCTAssertLessThanOrEqual($0.youngRows.count, ids.count, "each young row listed once") }
        // Only meaningful while they were young (a loaded machine may take longer).
        if secondEnded.timeIntervalSince(added) < TransferManager.recordAge {
            XCTAssertTrue(first.isEmpty && second.isEmpty, "too young for a record")
            manager.state.withLock { s in
                XCTAssertEqual(s.youngRows.count, ids.count)
                XCTAssertEqual(ids.filter { s.rows[$0]?.saved != nil }, [])
            }
        }
        let deadline = Date().addingTimeInterval(30)
        var unsaved = ids.count
        while unsaved > 0 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            _ = pass(manager)
            unsaved = manager.state.withLock { s in ids.filter { s.rows[$0]?.saved == nil }.count }
        }
        XCTAssertEqual(unsaved, 0, "saved once old enough")
        manager.state.withLock { XCTAssertEqual($0.youngRows.count, 0) }
    }

    func testKeysAPassDidNotUseAreKeptForTheNextInsteadOfMadeAgain() throws {
        let directory = TestDirectory()
        defer { directory.remove() }
        let manager = try TransferManager(options: ManagerOptions(limit: 1, stateDirectory: directory.path))
        defer { manager.shutdown() }
        var keys: [String] = []
        XCTAssertTrue(manager.gatherPass(keys: &keys).work.isEmpty)
        let spare = keys
        XCTAssertEqual(spare.count, TransferManager.savedPerHold, "made before the lock, for a hold's worth of records")
        XCTAssertTrue(manager.gatherPass(keys: &keys).work.isEmpty)
        XCTAssertEqual(keys, spare, "nothing saved: the same keys, none made")
        // Rows old enough for a record take keys from the spares, each its own.
        add(1...3, queuedAt: Date().addingTimeInterval(-10 * TransferManager.recordAge), to: manager)
        var saved: [RecordDraft] = []
        repeat {
            let pass = manager.gatherPass(keys: &keys)
            saved += pass.work.save
            manager.write(pass.work)
        } while manager.state.withLock { s in (1...3).contains { s.rows[UInt64($0)]?.saved == nil } }
            && saved.count < 3
        // (The manager's own persister may have saved some of them first.)
        let used = Set(saved.map(\.key))
        XCTAssertEqual(used.count, saved.count, "no key given twice")
        XCTAssertTrue(used.isDisjoint(with: keys), "a used key is no longer spare")
        XCTAssertEqual(spare.filter { used.contains($0) }.count, saved.count, "saved under the spare keys")
    }

    func testAnIDQueueGivesItsIDsBackInOrder() {
        var queue = IDQueue()
        for id in UInt64(0)..<5000 { queue.append(id) }
        var taken: [UInt64] = []
        for _ in 0..<3000 { taken.append(queue.popFirst()!) }
        queue.append(contentsOf: [9000, 9001])
        XCTAssertEqual(queue.count, 2002)
        XCTAssertEqual(queue.first, 3000)
        while let id = queue.popFirst() { taken.append(id) }
        XCTAssertEqual(taken, Array(0..<5000) + [9000, 9001])
        XCTAssertTrue(queue.isEmpty)
        XCTAssertNil(queue.popFirst())
    }

    func testALockProfileCountsEachTakerInItsBuckets() {
        var stats = LockStats()
        stats.record(.feed, waitNanos: 3_000, holdNanos: 120_000)
        stats.record(.feed, waitNanos: 2_500_000, holdNanos: 7_000_000)
        stats.record(.persistPass, waitNanos: 0, holdNanos: 400_000)
        let lines = stats.text().split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(lines.count, 3, "a header and the two takers seen")
        let header = lines[0].map(String.init)
        let feed = Dictionary(uniqueKeysWithValues: zip(header, lines[1].map(String.init)))
        XCTAssertEqual(feed["site"], "feed")
        XCTAssertEqual(feed["count"], "2")
        XCTAssertEqual(feed["hold-max-us"], "7000")
        XCTAssertEqual(feed["hold<250"], "1")
        XCTAssertEqual(feed["hold>=5000"], "1")
        XCTAssertEqual(feed["wait<10"], "1")
        XCTAssertEqual(feed["wait<5000"], "1")
        XCTAssertEqual(lines[2].first, "persistPass")
    }
}
