import TaroNet

/// Everything the screen shows that is not transfer data: selection and
/// scroll positions, focus, the header pane, an open prompt, the help screen,
/// a pending quit question and the last message. A value, changed only by
/// `AppReducer`, so every key's effect can be tested on its own.
public struct AppState: Sendable, Equatable {
    public enum Focus: Sendable, Equatable {
        case list, pane
    }

    public var size: TerminalSize
    /// The selected transfer, followed by id when the list changes.
    public var selectedID: UInt64?
    /// Where `selectedID` was last seen; a hint that makes following it cheap.
    public var selectedIndex: Int = 0
    /// Index of the first transfer shown.
    public var listScroll: Int = 0
    public var focus: Focus = .list
    public var paneOpen = false
    /// First line of the header pane shown.
    public var paneScroll = 0
    public var prompt: Prompt?
    public var helpVisible = false
    public var helpScroll = 0
    /// The `F` screen: failed transfers and why.
    public var failuresVisible = false
    public var failuresScroll = 0
    /// `q` was pressed while transfers run; `y` confirms.
    public var confirmingQuit = false
    public var message: StatusMessage?
    /// URLs an import still running has queued so far (`-i LIST`); the
    /// footer shows it until the import ends.
    public var importing: Int?
    /// The controller's limit, mirrored so `+`/`-` can be pure.
    public var concurrencyLimit: Int
    /// The controller's global rate limits, mirrored for the footer and the `l` prompt.
    public var rateLimits = RateLimits.none
    /// Where `a` queues downloads.
    public var downloadDirectory: String
    /// Draw with ASCII only (locale not UTF-8).
    public var asciiOnly: Bool
    /// What `/` typed: only matching rows are listed (empty: all of them).
    /// Applied live as it is typed; Esc clears it.
    public var filter = ""
    /// The last filter cleared, which `n`/`N` search for in the whole list.
    public var lastSearch = ""
    /// How the list is ordered on screen (`s` cycles, `S` reverses).
    public var order = RowOrder()
    /// Rows marked with Space (or all shown with `*`): x, p, r and d act on
    /// all of them at once.
    public var marked: Set<UInt64> = []
    /// Aborting this many marked transfers waits for `y`.
    public var confirmingAbort: [UInt64]?
    /// The JSON-RPC port when remote control is on: others may add rows.
    public var rpcPort: UInt16?
    /// The last minute of the queue's rate and of the selected row's (the
    /// footer's and the header pane's sparklines). Written by AppSession
    /// once a second; the reducer leaves them alone.
    public var rateHistory = RateHistories()
    /// Which key means which action: the standard table or the config file's.
    public var keys = KeyTable.standard

    public init(downloadDirectory: String, asciiOnly: Bool = false,
                size: TerminalSize = TerminalSize(rows: 24, cols: 80), concurrencyLimit: Int = 4) {
        self.downloadDirectory = downloadDirectory
        self.asciiOnly = asciiOnly
        self.size = size
        self.concurrencyLimit = concurrencyLimit
    }

    var layout: ScreenLayout { ScreenLayout(size: size, paneOpen: paneOpen) }
}
