import Foundation
import TaroNet
@testable import TaroTUI
import XCTest

/// The pieces behind the title, the notification on an empty queue and the
/// sparklines: all pure, checked here without a terminal.
final class NotifyTests: XCTestCase {
    private func totals(active: Int = 0, queued: Int = 0, done: Int = 0, failed: Int = 0,
                        rate: Double = 0) -> TransferTotals {
        var t = TransferTotals()
        t.active = active
        t.queued = queued
        t.done = done
        t.failed = failed
        t.bytesPerSecond = rate
        return t
    }

    func testSparklineScalesToThePeakAndRightAligns() {
        XCTAssertEqual(Sparkline.render([1, 2, 4, 8], width: 6, asciiOnly: false), "  ▁▂▄█")
        XCTAssertEqual(Sparkline.render([0, 8, 0, 8], width: 4, asciiOnly: false), " █ █")
        XCTAssertEqual(Sparkline.render([1, 2, 4, 8], width: 4, asciiOnly: true), "_.-#")
        XCTAssertEqual(Sparkline.render([], width: 3, asciiOnly: false), "   ")
        XCTAssertEqual(Sparkline.render([5, 5, 5], width: 2, asciiOnly: false), "██")
        XCTAssertEqual(Sparkline.render([.nan, .infinity, 1], width: 3, asciiOnly: false), "  █")
        XCTAssertEqual(Sparkline.render([1], width: 0, asciiOnly: false), "")
    }

    func testRateHistoryKeepsOneSampleASecondAndAMinute() {
        var history = RateHistory()
        XCTAssertTrue(history.record(10, atSecond: 100))
        XCTAssertFalse(history.record(99, atSecond: 100), "a second keeps its first sample")
        XCTAssertTrue(history.record(20, atSecond: 103))
        XCTAssertEqual(history.samples, [10, 10, 10, 20], "skipped seconds repeat the last rate")
        for second in 104..<300 { history.record(Double(second), atSecond: Int64(second)) }
        XCTAssertEqual(history.samples.count, 60)
        XCTAssertEqual(history.samples.last, 299)
        XCTAssertEqual(history.samples.first, 240)
        history.record(-5, atSecond: 300)
        XCTAssertEqual(history.samples.last, 0)
    }

    func testOnlyTheSelectedRowKeepsAHistoryAndAnIdleOneDrawsNothing() {
        var histories = RateHistories()
        let row = Fixtures.item(1, "a", .active, speed: 50)
        XCTAssertTrue(histories.sample(queueRate: 0, selected: row, atSecond: 1))
        XCTAssertEqual(histories.selected.samples, [50])
        XCTAssertTrue(histories.showsAnything)
        let queued = Fixtures.item(2, "b", .queued)
        histories.sample(queueRate: 0, selected: queued, atSecond: 2)
        XCTAssertEqual(histories.selectedID, 2)
        XCTAssertEqual(histories.selected.samples, [], "a waiting row has nothing to show")
        XCTAssertFalse(histories.showsAnything, "the queue's last samples are zeros")
    }

    func testNotifySequencesCarryNoControlCharactersFromNames() {
        XCTAssertEqual(NotifySequence.bytes(for: .off, title: "t", body: "b"), "")
        XCTAssertEqual(NotifySequence.bytes(for: .bell, title: "t", body: "b"), "\u{07}")
        XCTAssertEqual(NotifySequence.bytes(for: .osc9, title: "taro-tui", body: "All done: 2 done"),
                       "\u{1b}]9;taro-tui: All done: 2 done\u{07}")
        XCTAssertEqual(NotifySequence.bytes(for: .osc777, title: "taro-tui", body: "a;b"),
                       "\u{1b}]777;notify;taro-tui;a,b\u{07}")
        let hostile = "evil\u{1b}]0;owned\u{07}\u{9b}2J\u{7f}é"
        let sequence = NotifySequence.bytes(for: .osc9, title: "x", body: hostile)
        let inner = sequence.unicodeScalars.dropFirst(2).dropLast()
        XCTAssertFalse(inner.contains { $0.value < 0x20 || ($0.value >= 0x7f && $0.value < 0xa0) })
        XCTAssertFalse(inner.contains { $0.value > 0x7e }, "OSC 9 text is ASCII")
        let title = NotifySequence.title("bad\u{1b}\u{202e}name ✓")
        XCTAssertEqual(title, "\u{1b}]0;bad ?name ✓\u{07}")
    }

    func testNotifyModeParsesItsFourWordsAndRejectsOthers() throws {
        XCTAssertEqual(try NotifyMode.parse("OSC9"), .osc9)
        XCTAssertEqual(try NotifyMode.parse("bell"), .bell)
        XCTAssertThrowsError(try NotifyMode.parse("beep")) { error in
            XCTAssertTrue("\(error)".contains("bell, osc9, osc777 or off"))
        }
    }

    func testTitleTextShowsProgressAndRate() {
        XCTAssertEqual(TitleText.make(TransferTotals()), "taro-tui")
        let text = TitleText.make(totals(active: 2, queued: 6, done: 1, failed: 1, rate: 2 * 1024 * 1024))
        XCTAssertEqual(text, "taro-tui 20% · 1/10 done · 1 failed · " + ByteFormat.rate(2 * 1024 * 1024))
        XCTAssertTrue(TitleText.supported(term: "tmux-256color"))
        XCTAssertTrue(TitleText.supported(term: "xterm"))
        XCTAssertFalse(TitleText.supported(term: "linux"))
        XCTAssertFalse(TitleText.supported(term: "dumb"))
        XCTAssertFalse(TitleText.supported(term: nil))
    }

    func testTitleIsDueAtMostOnceASecondAndOnlyWhenItChanges() {
        var attention = QueueAttention()
        XCTAssertNotNil(attention.title(for: totals(active: 1, queued: 1), atSecond: 10))
        XCTAssertNil(attention.title(for: totals(active: 1, done: 1), atSecond: 10), "same second")
        XCTAssertNotNil(attention.title(for: totals(active: 1, done: 1), atSecond: 11))
        XCTAssertNil(attention.title(for: totals(active: 1, done: 1), atSecond: 12), "unchanged")
    }

    func testQueueEmptiesOnceAfterWorkAndNotAtAnIdleLaunch() {
        var attention = QueueAttention()
        XCTAssertFalse(attention.emptied(totals(done: 3)), "finished before this session's work")
        XCTAssertFalse(attention.emptied(totals(active: 1, done: 3)))
        XCTAssertTrue(attention.emptied(totals(done: 3, failed: 1)))
        XCTAssertFalse(attention.emptied(totals(done: 3, failed: 1)), "said once")
        XCTAssertEqual(QueueAttention.summary(totals(done: 28, failed: 2)),
                       "All done: 28 done, 2 failed (press F to list failures)")
        XCTAssertEqual(QueueAttention.summary(totals(done: 4)), "All done: 4 done")
    }

    func testTheSummaryFollowsWhatTheLineSaysAndNeverCoversAQuestion() {
        XCTAssertEqual(QueueAttention.message(after: nil, totals(done: 2)), StatusMessage("All done: 2 done"))
        XCTAssertEqual(QueueAttention.message(after: StatusMessage("Imported 2 URLs from list."), totals(done: 2)),
                       StatusMessage("Imported 2 URLs from list.  All done: 2 done"))
        XCTAssertNil(QueueAttention.message(after: StatusMessage("Quit anyway? (y/N)", kind: .question), totals(done: 2)))
    }

    func testConfigFileTakesNotifyAndCommandLineWins() throws {
        let dir = NSTemporaryDirectory() + "notify-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/taro-tui", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "http2\nnotify = osc777\nno-title\n".write(toFile: dir + "/taro-tui/config", atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": dir]
        let manager = ConfigFile.managerWithValue.union(ConfigFile.managerSwitches)
        func pairs(_ arguments: [String]) -> [(flag: String, value: String?)] {
            var out: [(flag: String, value: String?)] = []
            var i = 0
            while i < arguments.count {
                let hasValue = NotifyFlags.withValue.contains(arguments[i])
                out.append((arguments[i], hasValue ? arguments[i + 1] : nil))
                i += hasValue ? 2 : 1
            }
            return out
        }
        let fromFile = try ConfigFile.arguments(for: manager, environment: env) { pair in
            _ = try NotifyFlags.resolve(pairs(pair))
        }
        XCTAssertEqual(fromFile, ["--notify", "osc777", "--no-title"])
        let flags = try NotifyFlags.resolve(pairs(fromFile + ["--notify", "bell"]))
        XCTAssertEqual(flags.notify, .bell, "the command line wins")
        XCTAssertFalse(flags.title)
        // The network options read the same file and skip these keys.
        XCTAssertNoThrow(try WireFlags.resolve([], environment: env))
        try "\nnotify = chime\n".write(toFile: dir + "/taro-tui/config", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ConfigFile.arguments(for: manager, environment: env) { pair in
            _ = try NotifyFlags.resolve(pairs(pair))
        }) { error in
            XCTAssertTrue("\(error)".contains("line 2: --notify wants bell, osc9, osc777 or off, not chime"), "\(error)")
        }
    }
}
