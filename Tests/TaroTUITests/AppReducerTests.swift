import XCTest
import TaroNet
@testable import TaroTUI

final class AppReducerTests: XCTestCase {
    // MARK: queueing

    func testAQueuesADownloadIntoTheDownloadDirectory() {
        var h = ReducerHarness()
        h.press(.char("a"))
        XCTAssertEqual(h.state.prompt?.purpose, .downloadURL)
        h.type("https://example.com/big.iso")
        XCTAssertEqual(h.commands, [])   // letters typed into a prompt are not commands
        h.press(.enter)
        XCTAssertNil(h.state.prompt)
        XCTAssertEqual(h.commands, [.queueDownload(url: "https://example.com/big.iso", directory: "/tmp/x")])
    }

    func testEscCancelsThePrompt() {
        var h = ReducerHarness()
        h.press(.char("a"))
        h.type("https://x")
        h.press(.escape)
        XCTAssertNil(h.state.prompt)
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.message?.text, "Cancelled.")
    }

    func testEmptyEnterCancelsAndWrongSchemeKeepsThePromptOpen() {
        var h = ReducerHarness()
        h.press(.char("a"), .enter)
        XCTAssertNil(h.state.prompt)
        h.press(.char("a"))
        h.type("ftp://example.com/f")
        h.press(.enter)
        XCTAssertEqual(h.state.prompt?.editor.text, "ftp://example.com/f")
        XCTAssertEqual(h.state.message?.kind, .error)
        XCTAssertEqual(h.commands, [])
    }

    func testUAsksForAFileThenAURLAndQueuesAMultipartUpload() {
        var h = ReducerHarness()
        h.press(.char("u"))
        XCTAssertEqual(h.state.prompt?.purpose, .uploadFile)
        h.type("/home/me/photo.jpg")
        h.press(.enter)
        XCTAssertEqual(h.state.prompt?.purpose, .uploadURL(filePath: "/home/me/photo.jpg"))
        XCTAssertEqual(h.state.prompt?.editor.text, "")
        h.type("https://example.com/upload")
        h.press(.enter)
        XCTAssertNil(h.state.prompt)
        XCTAssertEqual(h.commands, [.queueUpload(filePath: "/home/me/photo.jpg", url: "https://example.com/upload",
                                                 fieldName: "file")])
    }

    // MARK: acting on the selection

    func testXAbortsTheSelectedRunningTransfer() {
        var h = ReducerHarness()
        h.select(id: 2)
        h.press(.char("x"))
        XCTAssertEqual(h.commands, [.abort(2)])
    }

    func testXOnAFinishedTransferDoesNothing() {
        var h = ReducerHarness()
        h.select(id: 6)
        h.press(.char("x"))
        XCTAssertEqual(h.commands, [])
        XCTAssertEqual(h.state.message?.kind, .error)
    }

    func testPTogglesPauseOnlyWhileUnfinished() {
        var h = ReducerHarness()
        h.select(id: 5)
        h.press(.char("p"))
        XCTAssertEqual(h.commands, [.togglePause(5)])
        XCTAssertEqual(h.state.message?.text, "Resuming paused.tar.gz.")
        h.select(id: 8)
        h.press(.char("p"))
        XCTAssertEqual(h.commands, [.togglePause(5)])
    }

    func testRRetriesOnlyFailedOrAborted() {
        var h = ReducerHarness()
        h.select(id: 7)
        h.press(.char("r"))
        h.select(id: 8)
        h.press(.char("r"))
        h.select(id: 1)
        h.press(.char("r"))
        XCTAssertEqual(h.commands, [.retry(7), .retry(8)])
        XCTAssertEqual(h.state.message?.kind, .error)
    }

    func testDRemovesOnlyFinished() {
        var h = ReducerHarness()
        h.select(id: 6)
        h.press(.char("d"))
        h.select(id: 1)
        h.press(.char("d"))
        XCTAssertEqual(h.commands, [.remove(6)])
    }

    func testActionsWithAnEmptyListSayNothingIsSelected() {
        var h = ReducerHarness(items: [])
        h.press(.char("x"), .char("p"), .char("r"), .char("d"))
        XCTAssertEqual(h.commands, [])
        h.press(.enter)
        XCTAssertFalse(h.state.paneOpen)
        XCTAssertEqual(h.state.message?.text, "No transfer selected.")
    }

    // MARK: moving

    func testMovementKeys() {
        var h = ReducerHarness(items: Fixtures.many(100))
        h.press(.char("j"), .down)
        XCTAssertEqual(h.state.selectedIndex, 2)
        h.press(.char("k"))
        XCTAssertEqual(h.state.selectedIndex, 1)
        h.press(.up, .up)
        XCTAssertEqual(h.state.selectedIndex, 0)
        h.press(.pageDown)
        XCTAssertEqual(h.state.selectedIndex, 21)   // 24 rows: 21 list rows
        XCTAssertEqual(h.state.listScroll, 1)
        h.press(.pageUp)
        XCTAssertEqual(h.state.selectedIndex, 0)
        h.press(.end)
        XCTAssertEqual(h.state.selectedIndex, 99)
        XCTAssertEqual(h.state.selectedID, 100)
        XCTAssertEqual(h.state.listScroll, 79)
        h.press(.home)
        XCTAssertEqual(h.state.selectedIndex, 0)
        XCTAssertEqual(h.state.listScroll, 0)
        h.press(.char("G"))
        XCTAssertEqual(h.state.selectedIndex, 99)
        h.press(.char("g"))
        XCTAssertEqual(h.state.selectedIndex, 0)
    }

    func testSelectionFollowsTheTransferByIDWhenTheListChanges() {
        var h = ReducerHarness()
        h.select(id: 5)
        // Two new transfers appear at the top.
        h.items.insert(Fixtures.item(100, "new-a", .queued), at: 0)
        h.items.insert(Fixtures.item(101, "new-b", .queued), at: 0)
        h.state.reconcile(with: h.items)
        XCTAssertEqual(h.selected?.id, 5)
        XCTAssertEqual(h.state.selectedIndex, 6)
        // The selected one is removed: the one now in its place is selected.
        h.items.remove(at: 6)
        h.state.reconcile(with: h.items)
        XCTAssertEqual(h.selected?.id, 6)
        // Everything goes away, then something comes back.
        h.items = []
        h.state.reconcile(with: h.items)
        XCTAssertNil(h.state.selectedID)
        h.items = [Fixtures.item(200, "again", .queued)]
        h.state.reconcile(with: h.items)
        XCTAssertEqual(h.state.selectedID, 200)
    }

    // MARK: the header pane and focus

    func testEnterTogglesThePaneAndTabMovesFocus() {
        var h = ReducerHarness()
        h.press(.tab)
        XCTAssertEqual(h.state.focus, .list)   // no pane: nothing to focus
        h.press(.enter)
        XCTAssertTrue(h.state.paneOpen)
        h.press(.tab)
        XCTAssertEqual(h.state.focus, .pane)
        h.press(.tab)
        XCTAssertEqual(h.state.focus, .list)
        h.press(.tab, .enter)
        XCTAssertFalse(h.state.paneOpen)
        XCTAssertEqual(h.state.focus, .list)
    }

    func testEscClosesThePane() {
        var h = ReducerHarness()
        h.press(.enter, .tab, .escape)
        XCTAssertFalse(h.state.paneOpen)
        XCTAssertEqual(h.state.focus, .list)
    }

    func testMovementKeysScrollThePaneWhenItHasFocus() {
        var items = Fixtures.mixed
        items[5].exchange = Fixtures.exchange
        var h = ReducerHarness(items: items, size: TerminalSize(rows: 10, cols: 40))
        h.select(id: 6)
        h.press(.enter, .tab)
        h.press(.char("j"), .down)
        XCTAssertEqual(h.state.paneScroll, 2)
        XCTAssertEqual(h.selected?.id, 6)          // the selection stayed
        h.press(.end)
        let total = HeaderPaneView.lines(for: items[5], width: 40, glyphs: .unicode).count
        XCTAssertEqual(h.state.paneScroll, total - h.state.layout.paneRows.count)
        h.press(.pageDown)
        XCTAssertEqual(h.state.paneScroll, total - h.state.layout.paneRows.count)
        h.press(.pageUp)
        XCTAssertEqual(h.state.paneScroll, total - 2 * h.state.layout.paneRows.count)
        h.press(.home)
        XCTAssertEqual(h.state.paneScroll, 0)
        h.press(.up)
        XCTAssertEqual(h.state.paneScroll, 0)
    }

    // MARK: concurrency, help, quit

    func testPlusAndMinusChangeTheConcurrencyLimitWithinBounds() {
        var h = ReducerHarness()
        h.press(.char("+"), .char("+"), .char("-"))
        XCTAssertEqual(h.commands, [.setConcurrencyLimit(5), .setConcurrencyLimit(6), .setConcurrencyLimit(5)])
        h.commands = []
        h.state.concurrencyLimit = 1
        h.press(.char("-"))
        XCTAssertEqual(h.commands, [])
        h.state.concurrencyLimit = AppReducer.maximumConcurrency
        h.press(.char("+"))
        XCTAssertEqual(h.commands, [])
    }

    func testQuestionMarkShowsHelpWhichScrollsAndClosesOnAnyOtherKey() {
        var h = ReducerHarness(size: TerminalSize(rows: 10, cols: 40))
        h.press(.char("?"))
        XCTAssertTrue(h.state.helpVisible)
        h.press(.char("j"), .pageDown)
        XCTAssertGreaterThan(h.state.helpScroll, 1)
        h.press(.end)
        let maximum = h.state.helpScroll
        h.press(.down)
        XCTAssertEqual(h.state.helpScroll, maximum)
        h.press(.char("q"))   // closes help; does not quit
        XCTAssertFalse(h.state.helpVisible)
        XCTAssertFalse(h.quit)
        h.press(.function(1))
        XCTAssertTrue(h.state.helpVisible)
    }

    func testQQuitsAtOnceWhenNothingIsRunning() {
        var h = ReducerHarness(items: [Fixtures.item(1, "a", .done), Fixtures.item(2, "b", .failed)])
        h.press(.char("q"))
        XCTAssertTrue(h.quit)
    }

    func testQAsksFirstWhileTransfersRunAndYConfirms() {
        var h = ReducerHarness()
        h.press(.char("q"))
        XCTAssertFalse(h.quit)
        XCTAssertTrue(h.state.confirmingQuit)
        XCTAssertEqual(h.state.message?.kind, .question)
        h.press(.char("y"))
        XCTAssertTrue(h.quit)
    }

    func testCtrlCAsksLikeQEvenFromAPromptAndASecondQuits() {
        var h = ReducerHarness()
        h.press(.char("a"), .char("x"), .interrupt)
        XCTAssertFalse(h.quit)
        XCTAssertNil(h.state.prompt, "the prompt gives way to the question")
        XCTAssertTrue(h.state.confirmingQuit)
        XCTAssertEqual(h.state.message?.kind, .question)
        h.press(.interrupt)
        XCTAssertTrue(h.quit)
    }

    func testCtrlCAnswersQsQuestionAndQuitsAtOnceWhenNothingRuns() {
        var asked = ReducerHarness()
        asked.press(.char("q"), .interrupt)
        XCTAssertTrue(asked.quit)
        var idle = ReducerHarness(items: [Fixtures.item(1, "a", .done)])
        idle.press(.interrupt)
        XCTAssertTrue(idle.quit)
    }

    func testASavedRowIsContinuedByPOrRDiscardedByDAndNotAborted() {
        let saved = [Fixtures.item(7, "other.bin", .saved)]
        for key in [Key.char("p"), .char("r")] {
            var h = ReducerHarness(items: saved)
            h.press(key)
            XCTAssertEqual(h.commands, key == .char("p") ? [.togglePause(7)] : [.retry(7)])
        }
        var discard = ReducerHarness(items: saved)
        discard.press(.char("d"))
        XCTAssertEqual(discard.commands, [.remove(7)])
        XCTAssertTrue(discard.state.message?.text.contains(".part stays") ?? false)
        var abort = ReducerHarness(items: saved)
        abort.press(.char("x"))
        XCTAssertEqual(abort.commands, [])
        XCTAssertEqual(abort.state.message?.kind, .error)
        // Another run's record is not this run's work: q quits without asking.
        var quit = ReducerHarness(items: saved)
        quit.press(.char("q"))
        XCTAssertTrue(quit.quit)
    }

    func testAnyOtherKeyCancelsTheQuitQuestion() {
        for key in [Key.char("n"), .escape, .enter, .char("q")] {
            var h = ReducerHarness()
            h.press(.char("q"), key)
            XCTAssertFalse(h.quit)
            XCTAssertFalse(h.state.confirmingQuit)
            XCTAssertNil(h.state.message)
        }
    }

    func testAQueuedTransferAlsoCountsAsRunning() {
        var h = ReducerHarness(items: [Fixtures.item(1, "a", .queued)])
        h.press(.char("q"))
        XCTAssertFalse(h.quit)
        XCTAssertTrue(h.state.confirmingQuit)
    }

    // MARK: screen events

    func testResizeUpdatesTheSizeKeepsTheSelectionVisibleAndRepaints() {
        var h = ReducerHarness(items: Fixtures.many(100))
        h.press(.end)
        h.press(.resize(TerminalSize(rows: 10, cols: 40)))
        XCTAssertTrue(h.repaint)
        XCTAssertEqual(h.state.size, TerminalSize(rows: 10, cols: 40))
        XCTAssertEqual(h.state.listScroll, 100 - 7)
    }

    func testCtrlLRepaints() {
        var h = ReducerHarness()
        h.press(.control("l"))
        XCTAssertTrue(h.repaint)
    }

    func testAMessageIsClearedByTheNextKey() {
        var h = ReducerHarness()
        h.press(.char("+"))
        XCTAssertNotNil(h.state.message)
        h.press(.char("j"))
        XCTAssertNil(h.state.message)
    }

    func testUnknownKeysDoNothing() {
        var h = ReducerHarness()
        let before = h.state
        h.press(.char("z"), .function(5), .backspace)
        XCTAssertEqual(h.state, before)
        XCTAssertEqual(h.commands, [])
    }

    // MARK: mouse

    func testClickSelectsTheRowUnderThePointer() {
        var h = ReducerHarness()
        h.press(.click(row: 4, col: 10))   // row 0 is the heading
        XCTAssertEqual(h.selected?.id, 4)
        h.press(.click(row: 20, col: 10))  // below the last transfer
        XCTAssertEqual(h.selected?.id, 4)
    }

    func testClickInThePaneFocusesIt() {
        var h = ReducerHarness()
        h.press(.enter)
        let row = h.state.layout.paneRows.lowerBound + 1
        h.press(.click(row: row, col: 3))
        XCTAssertEqual(h.state.focus, .pane)
        h.press(.click(row: 2, col: 3))
        XCTAssertEqual(h.state.focus, .list)
        XCTAssertEqual(h.selected?.id, 2)
    }

    func testWheelMovesTheSelectionOrScrollsThePane() {
        var h = ReducerHarness()
        h.press(.wheelDown(row: 2, col: 0))
        XCTAssertEqual(h.state.selectedIndex, 3)
        h.press(.wheelUp(row: 2, col: 0))
        XCTAssertEqual(h.state.selectedIndex, 0)
        h.items[0].exchange = Fixtures.exchange
        h.press(.enter)
        let row = h.state.layout.paneRows.lowerBound
        h.press(.wheelDown(row: row, col: 0))
        XCTAssertEqual(h.state.paneScroll, 3)
        XCTAssertEqual(h.state.selectedIndex, 0)
    }
}
