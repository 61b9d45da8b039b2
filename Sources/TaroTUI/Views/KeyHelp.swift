/// Every key the TUI understands, with what it does: the `?` screen shows
/// these, and the command line's `--help` can print the same list.
public enum KeyHelp {
    public struct Entry: Sendable, Equatable {
        public let keys: String
        public let action: String
    }

    public struct Section: Sendable, Equatable {
        public let title: String
        public let entries: [Entry]
    }

    public static let sections: [Section] = [
        Section(title: "Transfers", entries: [
            Entry(keys: "a", action: "download a URL; 'URL sha256=HEX' also checks the file"),
            Entry(keys: "u", action: "upload a file (asks for the file, then the URL)"),
            Entry(keys: "x", action: "abort the selected transfer"),
            Entry(keys: "p", action: "pause or resume; continue one saved by another run"),
            Entry(keys: "r", action: "retry a failed or aborted transfer"),
            Entry(keys: "d", action: "remove a finished or saved transfer (its file or .part stays)"),
            Entry(keys: "Space *", action: "mark the row (and move on); mark all shown (again: unmark)"),
            Entry(keys: "x p r d", action: "with rows marked: act on every marked row (many aborts ask y)"),
            Entry(keys: "K J", action: "in queue order: move a waiting transfer up or down"),
            Entry(keys: "T B", action: "in queue order: to the top (next to start) / the bottom"),
            Entry(keys: "+ -", action: "raise or lower the number of simultaneous transfers"),
            Entry(keys: "l", action: "limit the rate of all transfers: 2M, or down/up 2M/512k"),
            Entry(keys: "L", action: "limit the rate of the selected transfer"),
            Entry(keys: "C", action: "copy the selected download as a curl command (secrets ***)"),
        ]),
        Section(title: "Moving", entries: [
            Entry(keys: "j k Up Down", action: "select the next or previous transfer"),
            Entry(keys: "PgUp PgDn", action: "move a page"),
            Entry(keys: "Home End g G", action: "go to the first or last"),
            Entry(keys: "Enter", action: "open or close the header pane of the selected transfer"),
            Entry(keys: "Tab", action: "move focus between the list and the pane (keys then scroll it)"),
            Entry(keys: "Esc", action: "close the header pane"),
            Entry(keys: "Mouse", action: "click selects, the wheel scrolls"),
        ]),
        Section(title: "Finding", entries: [
            Entry(keys: "/", action: "filter as you type: words, state:failed, host:example.com"),
            Entry(keys: "Esc", action: "clear the filter (with the pane closed)"),
            Entry(keys: "n N", action: "with no filter: next or previous row matching the last one"),
            Entry(keys: "s S", action: "sort by the next column (queue, name, size, %, speed, state, added); reverse"),
        ]),
        Section(title: "Prompts", entries: [
            Entry(keys: "Left Right", action: "move the cursor (also Home End, Ctrl-A Ctrl-E)"),
            Entry(keys: "Backspace Del", action: "delete before or under the cursor"),
            Entry(keys: "Ctrl-U Ctrl-K", action: "delete to the start or to the end"),
            Entry(keys: "Ctrl-W", action: "delete the previous word"),
            Entry(keys: "Enter Esc", action: "accept or cancel"),
            Entry(keys: "Paste", action: "one line is inserted; several lines at a queue one download each"),
            Entry(keys: "Paste at a", action: "a browser's 'Copy as cURL': its URL with its headers and cookies"),
        ]),
        Section(title: "Screen", entries: [
            Entry(keys: "? F1", action: "show this help (any other key closes it)"),
            Entry(keys: "F", action: "list the failed transfers and why (Esc closes)"),
            Entry(keys: "Ctrl-L", action: "redraw the screen"),
            Entry(keys: "q", action: "quit (asks first while transfers are unfinished; y confirms)"),
            Entry(keys: "Ctrl-C", action: "ask like q; a second Ctrl-C quits at once, saving"),
        ]),
    ]
}
