/// Everything a key can ask of the list screen. The reducer switches on
/// this, never on a key, so a key rebound in the config file moves the
/// action with it; the `?` screen, the footer and `--help` describe the
/// same values. The raw value is the name the config file uses
/// (`key.abort = X`).
public enum Action: String, CaseIterable, Sendable {
    case add, upload, abort, pauseResume, retry, remove
    case mark, markAll
    case queueUp, queueDown, queueTop, queueBottom
    case moreJobs, fewerJobs, limitAll, limitOne, copyCurl
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
    case headers, focus, back
    case filter, nextMatch, previousMatch, sort, reverseSort
    case help, failures, quit

    /// Where the `?` screen lists the action.
    public enum Section: String, CaseIterable, Sendable {
        case transfers = "Transfers", moving = "Moving", finding = "Finding", screen = "Screen"
    }

    /// A footer hint: shown by priority (lowest first) as far as the width
    /// allows; `pairedWith` shares the hint ("+/- limit").
    public struct Footer: Sendable {
        public let label: String
        public let priority: Int
        public let pairedWith: Action?
        public let onlyWithPane: Bool
    }

    public var section: Section {
        switch self {
        case .add, .upload, .abort, .pauseResume, .retry, .remove, .mark, .markAll,
             .queueUp, .queueDown, .queueTop, .queueBottom, .moreJobs, .fewerJobs, .limitAll, .limitOne, .copyCurl:
            return .transfers
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom, .headers, .focus, .back:
            return .moving
        case .filter, .nextMatch, .previousMatch, .sort, .reverseSort:
            return .finding
        case .help, .failures, .quit:
            return .screen
        }
    }

    /// The line the `?` screen and `--help` print beside the keys.
    public var help: String {
        switch self {
        case .add: return "download a URL; 'URL sha256=HEX' also checks the file"
        case .upload: return "upload a file (asks for the file, then the URL)"
        case .abort: return "abort the selected transfer"
        case .pauseResume: return "pause or resume; continue one saved by another run"
        case .retry: return "retry a failed or aborted transfer"
        case .remove: return "remove a finished or saved transfer (its file or .part stays)"
        case .mark: return "mark the row (and move on); again: unmark"
        case .markAll: return "mark all shown (again: unmark)"
        case .queueUp: return "in queue order: move a waiting transfer up"
        case .queueDown: return "in queue order: move a waiting transfer down"
        case .queueTop: return "in queue order: to the top (next to start)"
        case .queueBottom: return "in queue order: to the bottom"
        case .moreJobs: return "raise the number of simultaneous transfers"
        case .fewerJobs: return "lower the number of simultaneous transfers"
        case .limitAll: return "limit the rate of all transfers: 2M, or down/up 2M/512k"
        case .limitOne: return "limit the rate of the selected transfer"
        case .copyCurl: return "copy the selected download as a curl command (secrets ***)"
        case .moveUp: return "select the previous transfer (pane focused: scroll it)"
        case .moveDown: return "select the next transfer (pane focused: scroll it)"
        case .pageUp: return "move a page up"
        case .pageDown: return "move a page down"
        case .moveTop: return "go to the first"
        case .moveBottom: return "go to the last"
        case .headers: return "open or close the header pane of the selected transfer"
        case .focus: return "move focus between the list and the pane (keys then scroll it)"
        case .back: return "close the header pane; with it closed, clear the filter"
        case .filter: return "filter as you type: words, state:failed, host:example.com"
        case .nextMatch: return "with no filter: next row matching the last one"
        case .previousMatch: return "with no filter: previous row matching the last one"
        case .sort: return "sort by the next column (queue, name, size, %, speed, state, added)"
        case .reverseSort: return "reverse the sort"
        case .help: return "show this help (any other key closes it)"
        case .failures: return "list the failed transfers and why (Esc closes)"
        case .quit: return "quit (asks first while transfers are unfinished; y confirms)"
        }
    }

    /// The footer's hints, left to right.
    public static let footerOrder: [Action] = [
        .add, .upload, .abort, .pauseResume, .retry, .remove, .headers, .focus, .moreJobs, .limitAll, .help, .quit,
    ]

    public var footer: Footer? {
        func hint(_ label: String, _ priority: Int, pairedWith: Action? = nil, onlyWithPane: Bool = false) -> Footer {
            Footer(label: label, priority: priority, pairedWith: pairedWith, onlyWithPane: onlyWithPane)
        }
        switch self {
        case .add: return hint("add", 2)
        case .upload: return hint("upload", 8)
        case .abort: return hint("abort", 3)
        case .pauseResume: return hint("pause", 5)
        case .retry: return hint("retry", 6)
        case .remove: return hint("remove", 7)
        case .headers: return hint("headers", 4)
        case .focus: return hint("focus", 9, onlyWithPane: true)
        case .moreJobs: return hint("limit", 10, pairedWith: .fewerJobs)
        case .limitAll: return hint("rate", 11)
        case .help: return hint("help", 0)
        case .quit: return hint("quit", 1)
        default: return nil
        }
    }
}
