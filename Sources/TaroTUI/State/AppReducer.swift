import TaroNet

/// The pure heart of the TUI: applies one input event to the state and says
/// what the controller should do. No terminal, no clock, no I/O.
public enum AppReducer {
    public static let maximumConcurrency = 64

    /// The whole list shown (no filter).
    public static func reduce(_ state: inout AppState, _ key: Key, items: TransferRows) -> Reaction {
        reduce(&state, key, items: ShownRows(items))
    }

    public static func reduce(_ state: inout AppState, _ key: Key, items: ShownRows) -> Reaction {
        state.reconcile(with: items)
        switch key {
        case .resize(let size):
            state.size = size
            state.keepSelectionVisible(count: items.count)
            clampPaneScroll(&state, items: items)
            return Reaction(repaint: true)
        case .control("l"):
            return Reaction(repaint: true)
        case .interrupt:
            return interrupt(&state, items: items)
        default:
            break
        }
        if state.prompt != nil { return reducePrompt(&state, key) }
        if state.confirmingQuit {
            state.confirmingQuit = false
            state.message = nil
            if key == .character("y") || key == .character("Y") { return Reaction(quit: true) }
            return .none
        }
        if let ids = state.confirmingAbort {
            state.confirmingAbort = nil
            guard key == .character("y") || key == .character("Y") else {
                state.message = StatusMessage("Nothing aborted.")
                return .none
            }
            state.marked.removeAll()
            state.message = StatusMessage("Aborting \(ids.count) transfers.")
            return Reaction(commands: ids.map { .abort($0) })
        }
        if state.helpVisible { return reduceHelp(&state, key) }
        if state.failuresVisible { return reduceFailures(&state, key, items: items) }
        state.message = nil
        return reduceMain(&state, key, items: items)
    }

    private static func reduceMain(_ state: inout AppState, _ key: Key, items: ShownRows) -> Reaction {
        switch key {
        case .click, .wheelUp, .wheelDown:
            reduceMouse(&state, key, items: items)
            return .none
        case .paste:
            // Pasted text is never taken as keys: one stray "q" or "d" in it
            // would act on the list.
            state.message = StatusMessage("To queue pasted URLs, press \(state.keys.primary(.add)) first, then paste.")
            return .none
        default:
            break
        }
        // One key table: the key means an action, and only the action counts.
        guard let action = state.keys.action(for: key) else { return .none }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            if state.focus == .pane && state.layout.paneVisible {
                scrollPane(&state, action, items: items)
            } else {
                moveSelection(&state, action, items: items)
            }
            return .none
        case .headers:
            togglePane(&state, items: items)
            return .none
        case .focus:
            if state.paneOpen { state.focus = state.focus == .list ? .pane : .list }
            return .none
        case .back:
            if state.paneOpen {
                state.paneOpen = false
                state.focus = .list
                state.keepSelectionVisible(count: items.count)
            } else {
                clearFilter(&state)
            }
            return .none
        case .filter:
            return openFilter(&state)
        case .queueUp, .queueDown, .queueTop, .queueBottom:
            return moveInQueue(&state, action, items: items)
        case .sort:
            state.order = state.order.next()
            state.message = StatusMessage("List \(state.order.label(ascii: state.asciiOnly)).")
            return .none
        case .reverseSort:
            state.order.descending.toggle()
            state.message = StatusMessage("List \(state.order.label(ascii: state.asciiOnly)).")
            return .none
        case .nextMatch, .previousMatch:
            return jumpToMatch(&state, forward: action == .nextMatch, items: items)
        case .help:
            state.helpVisible = true
            state.helpScroll = 0
            return .none
        case .failures:
            state.failuresVisible = true
            state.failuresScroll = 0
            return .none
        case .add:
            state.prompt = Prompt(purpose: .downloadURL)
            return .none
        case .upload:
            state.prompt = Prompt(purpose: .uploadFile)
            return .none
        case .quit:
            return requestQuit(&state, items: items)
        case .limitAll:
            state.prompt = Prompt(purpose: .globalRate)
            return .none
        case .limitOne:
            guard let item = state.selectedItem(in: items), !item.state.isFinal else {
                return refuse(&state, "Select an unfinished transfer to limit it.")
            }
            let name = TerminalText.sanitize(item.name, asciiOnly: state.asciiOnly, limit: 80)
            state.prompt = Prompt(purpose: .transferRate(id: item.id, name: name),
                                  text: item.rateLimit > 0 ? RateText.format(item.rateLimit) : "")
            return .none
        case .copyCurl:
            return exportCurl(&state, items: items)
        case .moreJobs:
            return changeConcurrency(&state, by: 1)
        case .fewerJobs:
            return changeConcurrency(&state, by: -1)
        case .mark:
            return toggleMark(&state, items: items)
        case .markAll:
            return toggleMarkAll(&state, items: items)
        case .abort, .pauseResume, .retry, .remove:
            // With rows marked, the marked rows; otherwise the selected one.
            if !state.marked.isEmpty { return actOnMarked(&state, action, items: items) }
            return actOnSelection(&state, action, items: items)
        }
    }

    private static func moveSelection(_ state: inout AppState, _ action: Action, items: ShownRows) {
        guard !items.isEmpty else { return }
        let page = max(1, state.layout.listRows.count)
        let target: Int
        switch action {
        case .moveUp: target = state.selectedIndex - 1
        case .moveDown: target = state.selectedIndex + 1
        case .pageUp: target = state.selectedIndex - page
        case .pageDown: target = state.selectedIndex + page
        case .moveTop: target = 0
        default: target = items.count - 1
        }
        state.select(index: target, in: items)
    }

    private static func togglePane(_ state: inout AppState, items: ShownRows) {
        if state.paneOpen {
            state.paneOpen = false
            state.focus = .list
        } else if state.selectedItem(in: items) != nil {
            state.paneOpen = true
            state.paneScroll = 0
        } else {
            state.message = StatusMessage("No transfer selected.", kind: .error)
        }
        state.keepSelectionVisible(count: items.count)
    }

    /// Ctrl-C, wherever the user is: asks like `q` (or quits when nothing
    /// is unfinished); asked already, it quits. Unfinished transfers are
    /// saved either way, by the controller's shutdown.
    private static func interrupt(_ state: inout AppState, items: ShownRows) -> Reaction {
        if state.confirmingQuit { return Reaction(quit: true) }
        state.prompt = nil
        state.helpVisible = false
        state.message = nil
        return requestQuit(&state, items: items)
    }

    private static func requestQuit(_ state: inout AppState, items: ShownRows) -> Reaction {
        let running = items.unfinishedCount
        guard running > 0 else { return Reaction(quit: true) }
        state.confirmingQuit = true
        let noun = running == 1 ? "transfer is" : "transfers are"
        state.message = StatusMessage("\(running) \(noun) not finished. Quit anyway? (y/N)", kind: .question)
        return .none
    }

    private static func changeConcurrency(_ state: inout AppState, by delta: Int) -> Reaction {
        let limit = min(maximumConcurrency, max(1, state.concurrencyLimit + delta))
        guard limit != state.concurrencyLimit else {
            state.message = StatusMessage("Concurrency limit stays at \(limit).")
            return .none
        }
        state.concurrencyLimit = limit
        state.message = StatusMessage("Concurrency limit \(limit).")
        return Reaction(commands: [.setConcurrencyLimit(limit)])
    }

    private static func actOnSelection(_ state: inout AppState, _ action: Action, items: ShownRows) -> Reaction {
        guard let item = state.selectedItem(in: items) else {
            state.message = StatusMessage("No transfer selected.", kind: .error)
            return .none
        }
        let name = TerminalText.sanitize(item.name, asciiOnly: state.asciiOnly, limit: 80)
        let keys = state.keys
        switch action {
        case .abort:
            guard item.state != .saved else {
                return refuse(&state, "\(name) is another run's, not running: \(keys.primary(.pauseResume)) continues it, "
                    + "\(keys.primary(.remove)) discards it.")
            }
            guard !item.state.isFinal else { return refuse(&state, "\(name) has already finished.") }
            state.message = StatusMessage("Aborting \(name).")
            return Reaction(commands: [.abort(item.id)])
        case .pauseResume:
            guard !item.state.isFinal else { return refuse(&state, "\(name) has finished; nothing to pause.") }
            if item.state == .saved {
                state.message = StatusMessage("Continuing \(name) from its .part.")
                return Reaction(commands: [.togglePause(item.id)])
            }
            state.message = StatusMessage(item.state == .paused ? "Resuming \(name)." : "Pausing \(name).")
            return Reaction(commands: [.togglePause(item.id)])
        case .retry:
            guard item.state == .failed || item.state == .aborted || item.state == .saved else {
                return refuse(&state, "Only failed or aborted transfers can be retried.")
            }
            state.message = StatusMessage("Retrying \(name).")
            return Reaction(commands: [.retry(item.id)])
        default:
            if item.state == .saved {
                state.message = StatusMessage("Discarded the saved record of \(name); its .part stays on disk.")
                return Reaction(commands: [.remove(item.id)])
            }
            guard item.state.isFinal else { return refuse(&state, "\(name) is still running; abort it first (\(keys.primary(.abort))).") }
            state.message = StatusMessage("Removed \(name) from the list; the file stays.")
            return Reaction(commands: [.remove(item.id)])
        }
    }

    static func refuse(_ state: inout AppState, _ text: String) -> Reaction {
        state.message = StatusMessage(text, kind: .error)
        return .none
    }
}
