/// Every key the TUI understands, with what it does: the `?` screen shows
/// these, and the command line's `--help` prints the same list. Written from
/// a key table, so a rebound key is described where it now is; only the
/// keys no table holds (prompts, the mouse, Ctrl-C, Ctrl-L) are fixed here.
public enum KeyHelp {
    public struct Entry: Sendable, Equatable {
        public let keys: String
        public let action: String
    }

    public struct Section: Sendable, Equatable {
        public let title: String
        public let entries: [Entry]
    }

    /// The standard table's help.
    public static let sections = sections(for: .standard)

    public static func sections(for table: KeyTable) -> [Section] {
        func entries(_ section: Action.Section) -> [Entry] {
            Action.allCases.filter { $0.section == section }.map { Entry(keys: table.label($0), action: $0.help) }
        }
        let onMarked = [Action.abort, .pauseResume, .retry, .remove].map { table.primary($0) }.joined(separator: " ")
        return [
            Section(title: Action.Section.transfers.rawValue, entries: entries(.transfers) + [
                Entry(keys: onMarked, action: "with rows marked: act on every marked row (many aborts ask y)"),
            ]),
            Section(title: Action.Section.moving.rawValue, entries: entries(.moving) + [
                Entry(keys: "Mouse", action: "click selects, the wheel scrolls"),
            ]),
            Section(title: Action.Section.finding.rawValue, entries: entries(.finding)),
            Section(title: "Prompts", entries: [
                Entry(keys: "Left Right", action: "move the cursor (also Home End, Ctrl-A Ctrl-E)"),
                Entry(keys: "Backspace Del", action: "delete before or under the cursor"),
                Entry(keys: "Ctrl-U Ctrl-K", action: "delete to the start or to the end"),
                Entry(keys: "Ctrl-W", action: "delete the previous word"),
                Entry(keys: "Enter Esc", action: "accept or cancel"),
                Entry(keys: "Paste", action: "one line is inserted; several lines at \(table.primary(.add)) queue one download each"),
                Entry(keys: "Paste at \(table.primary(.add))", action: "a browser's 'Copy as cURL': its URL with its headers and cookies"),
            ]),
            Section(title: Action.Section.screen.rawValue, entries: entries(.screen) + [
                Entry(keys: "Ctrl-L", action: "redraw the screen"),
                Entry(keys: "Ctrl-C", action: "ask like \(table.primary(.quit)); a second Ctrl-C quits at once, saving"),
            ]),
        ]
    }
}
