import TaroNet

/// The app loop without the terminal: keeps the state, its own copy of the
/// transfer list (brought up to date from the controller's change feed each
/// tick), the totals, and an import in progress; feeds keys through the
/// reducer, carries out the commands, and says when a new frame is due.
/// `TaroTUIApp.run` wires it to ncurses; tests drive it directly with an
/// in-memory controller.
///
/// A tick in which nothing changed asks the feed once and does nothing
/// else: no work grows with the length of the list, so an idle screen
/// costs next to nothing at 100,000 rows.
public final class AppSession {
    public let controller: any TransferController
    public private(set) var state: AppState
    /// The rows, in queue order, as of `version`.
    public private(set) var items = TransferRows()
    /// What the screen lists and keys act on: `items`, or the rows the
    /// filter selects (see RowView).
    private var view = RowView()
    public var shown: ShownRows { view.rows(of: items) }
    /// The feed's totals as of `version`: the footer's counts, rate and ETA.
    public private(set) var totals = TransferTotals()
    /// The feed version the rows are at; 0 asks for everything.
    public private(set) var version: UInt64 = 0
    /// How long the last refresh spent in the controller (`changes(since:)`
    /// and the limit): its share of a tick, for the tick log.
    public private(set) var lastFeedDuration: Duration = .zero
    private var dirty = true
    /// Lists replaced by newer ones, freed off this thread.
    private let retired = RetiredRows()
    /// The list rows of the last frame, for the next to take those that
    /// did not change (see ListRowCache).
    private var rowCache = ListRowCache()
    private var importer: URLImport?
    /// The last text copied (`C`): printed after quitting, for terminals
    /// that ignore OSC 52.
    public private(set) var lastCopied: String?
    private var importSeen = URLImport.Progress()
    private var attention = QueueAttention()
    private let notify: NotifyMode
    /// Set when the queue emptied; written with the next frame.
    private var notifyDue = false

    public init(controller: any TransferController, config: AppConfig, size: TerminalSize) {
        self.controller = controller
        self.notify = config.notify
        self.state = AppState(downloadDirectory: config.downloadDirectory, asciiOnly: config.asciiOnly,
                              size: size, concurrencyLimit: controller.concurrencyLimit)
        if let notice = config.launchNotice { state.message = StatusMessage(notice, kind: .error) }
        state.rpcPort = config.rpcPort
        state.keys = config.keys
        refresh()
    }

    /// Shows `importer`'s progress in the footer until it ends, then its
    /// summary on the message line. The caller starts it.
    public func follow(_ importer: URLImport) {
        self.importer = importer
        importSeen = URLImport.Progress()
        state.importing = 0
        dirty = true
    }

    /// Applies one input event and carries out what it asks of the controller.
    @discardableResult
    public func handle(_ key: Key) -> Reaction {
        let before = state
        let reaction = AppReducer.reduce(&state, key, items: shown)
        let typing = state.prompt?.purpose == .filter
        if view.follow(filter: state.filter, order: state.order, typing: typing, items: items) {
            state.reconcile(with: shown)
        }
        for command in reaction.commands { command.apply(to: controller) }
        if let text = reaction.clipboard { lastCopied = text }
        if state != before || reaction.repaint { dirty = true }
        // Show the effect of a command at once rather than on the next tick.
        if !reaction.commands.isEmpty { refresh() }
        return reaction
    }

    /// Applies keys that arrived together. While a prompt is open, a run in
    /// which a line break is followed by more text is one paste (see
    /// `KeyBurst`). Stops at a key that quits and returns its reaction.
    @discardableResult
    public func handle(burst keys: [Key]) -> Reaction {
        var combined = Reaction()
        var index = 0
        while index < keys.count {
            let reaction: Reaction
            if state.prompt != nil, let paste = KeyBurst.paste(in: keys, from: index) {
                reaction = handle(.paste(paste.text))
                index = paste.end
            } else {
                reaction = handle(keys[index])
                index += 1
            }
            combined.commands += reaction.commands
            combined.repaint = combined.repaint || reaction.repaint
            combined.clipboard = reaction.clipboard ?? combined.clipboard
            if reaction.quit {
                combined.quit = true
                break
            }
        }
        return combined
    }

    /// Reads the feed and applies what changed; marks a frame due if
    /// anything visible changed, and says so.
    @discardableResult
    public func refresh() -> Bool {
        var changed = false
        // Both questions to the controller first, timed together: its
        // share of the tick, lock waits included.
        let asked = ContinuousClock.now
        let changes = controller.changes(since: version)
        let limit = controller.concurrencyLimit
        let rates = controller.rateLimits
        lastFeedDuration = ContinuousClock.now - asked
        if !changes.isEmpty {
            let countBefore = items.count
            // Only an adopted list is let go whole; rows applied in place
            // (a feed without `rows`) would be copied by holding on here.
            if changes.rows != nil { retired.retire(items) }
            items.apply(changes)
            view.apply(changes, items: items, countBefore: countBefore)
            state.reconcile(with: shown)
            changed = true
        }
        version = changes.version
        if changes.totals != totals {
            totals = changes.totals
            changed = true
            if attention.emptied(totals) {
                if let message = QueueAttention.message(after: state.message, totals) { state.message = message }
                notifyDue = notify != .off
            }
        }
        if limit != state.concurrencyLimit {
            state.concurrencyLimit = limit
            changed = true
        }
        if rates != state.rateLimits {
            state.rateLimits = rates
            changed = true
        }
        if followImport() { changed = true }
        if changed { dirty = true }
        return changed
    }

    /// Moves the import's progress into the state; at its end, the summary.
    private func followImport() -> Bool {
        guard let importer else { return false }
        let progress = importer.progress
        guard progress != importSeen else { return false }
        importSeen = progress
        if progress.finished {
            self.importer = nil
            state.importing = nil
            state.message = URLImport.summary(of: progress, name: importer.name)
        } else {
            state.importing = progress.queued
        }
        return true
    }

    /// Housekeeping for after the frame is out: replaced lists go to be
    /// freed (see RetiredRows for why not sooner).
    public func frameDone() {
        retired.handOverIfDue()
    }

    /// The bell or desktop notification, once, after the queue emptied;
    /// empty otherwise.
    public func takeNotification() -> String {
        guard notifyDue else { return "" }
        notifyDue = false
        return NotifySequence.bytes(for: notify, title: "taro-tui", body: QueueAttention.summary(totals))
    }

    /// Adds this second's rates to the sparklines' histories; a frame is
    /// due when one was added and something draws it.
    public func sampleRates(atSecond second: Int64) {
        let selected = state.selectedItem(in: shown)
        // Only a history with something to draw costs a frame: an idle
        // screen stays idle once the last minute is all zeros.
        if state.rateHistory.sample(queueRate: totals.bytesPerSecond, selected: selected, atSecond: second),
           state.rateHistory.showsAnything {
            dirty = true
        }
    }

    /// The terminal title when it is due (see QueueAttention.title).
    public func titleIfDue(atSecond second: Int64) -> String? {
        attention.title(for: totals, atSecond: second)
    }

    /// A new frame when something changed since the last one, else nil.
    public func frameIfNeeded() -> ScreenBuffer? {
        guard dirty else { return nil }
        return frame()
    }

    /// Renders the current frame unconditionally.
    public func frame() -> ScreenBuffer {
        dirty = false
        return ScreenRenderer.render(state, items: shown, totals: totals, size: state.size, cache: &rowCache)
    }
}
