import Foundation
@testable import TaroTUI

/// What tmux shows in the pane, as text lines (`capture-pane -p`, trailing
/// blanks trimmed), with the lookups the end-to-end tests need.
struct TerminalScreen: CustomStringConvertible {
    static let stateWords = ["queued", "active", "paused", "done", "failed", "aborted", "saved"]

    let lines: [String]

    init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    var text: String { lines.joined(separator: "\n") }

    func contains(_ text: String) -> Bool {
        lines.contains { $0.contains(text) }
    }

    /// The list row of the transfer called `name`: marker, glyph, space,
    /// then the name.
    func row(named name: String) -> String? {
        lines.first { line in
            let scalars = Array(line.unicodeScalars)
            guard scalars.count > 3, scalars[0] == " " || scalars[0] == ">" else { return false }
            let rest = String(String.UnicodeScalarView(scalars[3...]))
            return rest.hasPrefix(name + " ")
        }
    }

    /// The state word at the end of `name`'s row.
    func state(of name: String) -> String? {
        guard let row = row(named: name) else { return nil }
        // A verified file's "done ✓": the mark follows the word.
        let last = row.split(separator: " ").last { $0 != "✓" }.map(String.init)
        return last.flatMap { Self.stateWords.contains($0) ? $0 : nil }
    }

    func isSelected(_ name: String) -> Bool {
        row(named: name)?.hasPrefix(">") ?? false
    }

    /// "1.2 MiB/5.7 MiB" (or "1.2 MiB/?") from `name`'s row, when the size
    /// column is shown.
    func sizeText(of name: String) -> String? {
        guard let row = row(named: name) else { return nil }
        let amount = #"\d+(\.\d+)? (B|KiB|MiB|GiB|TiB)"#
        guard let range = row.range(of: amount + "/(" + amount + #"|\?)"#, options: .regularExpression) else {
            return nil
        }
        return String(row[range])
    }

    /// The widest line in terminal cells.
    var maximumWidth: Int {
        lines.map { DisplayWidth.of($0) }.max() ?? 0
    }

    /// The totals line: the one that starts with "N active".
    var totalsLine: String? {
        lines.last { $0.range(of: #"^ \d+ active"#, options: .regularExpression) != nil }
    }

    var description: String {
        lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
    }
}
