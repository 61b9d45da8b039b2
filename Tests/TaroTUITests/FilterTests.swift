import XCTest
import TaroNet
@testable import TaroTUI

/// `/` filters live, the footer counts what is shown, Esc clears, and n/N
/// find the last filter's matches in the whole list. Driven through the
/// session, which keeps the filtered view beside the rows.
final class FilterTests: XCTestCase {
    private func session(_ items: [TransferSnapshot] = Fixtures.mixed,
                         size: TerminalSize = TerminalSize(rows: 24, cols: 80)) -> (AppSession, InMemoryTransferController) {
        let controller = InMemoryTransferController(items: items)
        return (AppSession(controller: controller, config: AppConfig(downloadDirectory: "/tmp/x"), size: size), controller)
    }

    private func type(_ session: AppSession, _ text: String) {
        for scalar in text.unicodeScalars { session.handle(.character(scalar)) }
    }

    func testRowFilterMatchesTextStateAndHost() {
        let rows = Fixtures.mixed
        func names(_ query: String) -> [String] {
            let filter = RowFilter(query)!
            return rows.filter(filter.matches).map(\.name)
        }
        XCTAssertEqual(names("DONE"), ["done.zip"], "plain text, any case, in the name")
        XCTAssertEqual(names("state:failed"), ["timeout.bin"])
        XCTAssertEqual(names("state:active"), ["ubuntu-24.04-desktop-amd64.iso", "数据集-データ.bin", "stream.log",
                                               "connecting.dat"], "connecting counts as active")
        XCTAssertEqual(names("host:example.com state:paused"), ["paused.tar.gz"], "every word must match")
        XCTAssertEqual(names("host:other.org"), [])
        XCTAssertEqual(names("files/4"), ["photo.jpg"], "the URL is matched too")
        XCTAssertEqual(names("state:nonsense"), [])
        XCTAssertNil(RowFilter("   "))
    }

    func testTypingFiltersLiveAndTheFooterCountsWhatIsShown() {
        let (s, _) = session()
        s.handle(.character("/"))
        type(s, "state:a")
        XCTAssertEqual(s.shown.count, 0, "state:a names no state yet")
        type(s, "ctive")
        XCTAssertEqual(s.shown.map(\.name), ["ubuntu-24.04-desktop-amd64.iso", "数据集-データ.bin", "stream.log",
                                            "connecting.dat"])
        let lines = s.frame().lines
        XCTAssertTrue(lines[22].hasPrefix(" 4 of 9 shown · 4 active"), lines[22])
        XCTAssertTrue(lines[23].hasPrefix("Filter (state:failed host:NAME text): state:active"), lines[23])
        s.handle(.enter)
        XCTAssertNil(s.state.prompt)
        XCTAssertEqual(s.shown.count, 4, "Enter keeps the filter")
        // Keys act on what is shown.
        s.handle(.end)
        XCTAssertEqual(s.state.selectedID, 9)
        s.handle(.escape)
        XCTAssertEqual(s.shown.count, 9, "Esc clears it")
        XCTAssertEqual(s.state.selectedID, 9, "the selection stays on its row")
        XCTAssertEqual(s.state.message?.text, "Filter cleared; n and N find state:active.")
        XCTAssertFalse(s.frame().lines[22].contains("shown"))
    }

    func testTypingOnNarrowsAndDeletingWidensAgain() {
        let (s, _) = session()
        s.handle(.character("/"))
        type(s, "a")
        XCTAssertEqual(s.shown.count, 9, "every fixture's URL has an a (example.com)")
        type(s, "bo")
        XCTAssertEqual(s.shown.map(\.name), ["aborted.iso"])
        s.handle(.backspace)
        s.handle(.backspace)
        XCTAssertEqual(s.shown.count, 9, "every fixture's URL has an a (example)")
        type(s, " host:example.com state:done")
        XCTAssertEqual(s.shown.map(\.name), ["done.zip"])
    }

    func testEscInThePromptClearsAndNothingMatchingSaysSo() {
        let (s, _) = session()
        s.handle(.character("/"))
        type(s, "zzz")
        XCTAssertEqual(s.shown.count, 0)
        XCTAssertTrue(s.frame().lines[1].contains("No transfer matches zzz. Esc clears the filter."))
        s.handle(.escape)
        XCTAssertNil(s.state.prompt)
        XCTAssertEqual(s.shown.count, 9)
    }

    func testNAndCapitalNJumpBetweenMatchesWithWrapping() {
        let (s, _) = session()
        s.handle(.character("/"))
        type(s, ".iso")
        s.handle(.escape)
        XCTAssertEqual(s.state.selectedID, 1)
        s.handle(.character("n"))
        XCTAssertEqual(s.state.selectedID, 8, "aborted.iso")
        s.handle(.character("n"))
        XCTAssertEqual(s.state.selectedID, 1, "wraps to the first")
        s.handle(.character("N"))
        XCTAssertEqual(s.state.selectedID, 8, "backwards wraps to the last")
        s.handle(.character("/"))
        type(s, "x")
        s.handle(.enter)
        s.handle(.character("n"))
        XCTAssertEqual(s.state.message?.text, "n and N search when no filter is applied (Esc clears it).")
    }

    func testRowsChangingUnderAFilterJoinAndLeaveIt() {
        let (s, controller) = session()
        s.handle(.character("/"))
        type(s, "state:failed")
        s.handle(.enter)
        XCTAssertEqual(s.shown.map(\.id), [7])
        controller.update(id: 4) { $0.state = .failed }
        s.refresh()
        XCTAssertEqual(s.shown.map(\.id), [4, 7], "a row that now matches joins in queue order")
        controller.update(id: 7) { $0.state = .queued }
        s.refresh()
        XCTAssertEqual(s.shown.map(\.id), [4])
        controller.update(id: 4) { $0.bytesDone = 1 }
        s.refresh()
        XCTAssertEqual(s.shown.first?.bytesDone, 1, "a shown row is updated in place")
    }

    /// While the prompt is open the session filters through keys it keeps
    /// beside the rows (FilterKeys); rows renamed, moved to another state,
    /// added and removed under the prompt must be matched by what they are
    /// now, whether the next keystroke narrows or starts over.
    func testTheFilterBeingTypedFollowsRowsThatChange() {
        let (s, controller) = session()
        func shownIDs() -> [UInt64] { s.shown.map(\.id) }
        s.handle(.character("/"))
        type(s, "zz")
        XCTAssertEqual(shownIDs(), [])
        controller.update(id: 4) { $0.name = "ZZZ.jpg" }
        s.refresh()
        XCTAssertEqual(shownIDs(), [4], "a renamed row is matched by its new name")
        type(s, "z")
        XCTAssertEqual(shownIDs(), [4], "narrowing reads the new name too")
        controller.append([Fixtures.item(100, "zzz-new.bin", .queued)])
        s.refresh()
        XCTAssertEqual(shownIDs(), [4, 100], "a row added under the prompt is matched")
        controller.update(id: 4) { $0.name = "photo.jpg" }
        s.refresh()
        XCTAssertEqual(shownIDs(), [100])
        s.handle(.backspace)
        XCTAssertEqual(shownIDs(), [100], "starting over reads the old name no more")
        type(s, " state:failed")
        XCTAssertEqual(shownIDs(), [])
        controller.update(id: 100) { $0.state = .failed }
        s.refresh()
        XCTAssertEqual(shownIDs(), [100], "a row's new state is matched")
        s.handle(.backspace)
        type(s, "d")
        XCTAssertEqual(shownIDs(), [100])
        controller.drop([100])
        s.refresh()
        XCTAssertEqual(shownIDs(), [])
        controller.update(id: 7) { $0.name = "zz.bin" }
        s.refresh()
        for _ in 0..<13 { s.handle(.backspace) }
        XCTAssertEqual(s.state.filter, "zz")
        XCTAssertEqual(shownIDs(), [7], "after a removal the keys are read from the rows again")
        type(s, " host:EXAMPLE.com")
        XCTAssertEqual(shownIDs(), [7])
        type(s, ":")
        XCTAssertEqual(shownIDs(), [], "the host stops before the port")
        s.handle(.escape)
        XCTAssertEqual(s.shown.count, controller.items.count)
    }
}
