import TaroNet

/// The terminal title for the queue's progress:
/// `taro-tui 40% · 12/30 done · 2.1 MiB/s`. Percent counts settled
/// transfers (done, failed, aborted) of all listed, as not every size is known.
public enum TitleText {
    public static func make(_ totals: TransferTotals) -> String {
        let count = totals.count
        guard count > 0 else { return "taro-tui" }
        let settled = totals.done + totals.failed + totals.aborted
        let percent = settled * 100 / count
        var text = "taro-tui \(percent)% · \(totals.done)/\(count) done"
        if totals.failed > 0 { text += " · \(totals.failed) failed" }
        if totals.active > 0 { text += " · " + ByteFormat.rate(totals.bytesPerSecond) }
        return text
    }
}

extension TitleText {
    /// xterm's "save title" and "restore title" (the title stack); a
    /// terminal without one ignores them, and the title is cleared instead.
    static let push = "\u{1b}[22;0t"
    static let pop = "\u{1b}[23;0t"

    /// Whether `term` names a terminal that takes OSC 0 titles: not the
    /// Linux console, not a dumb terminal.
    public static func supported(term: String?) -> Bool {
        guard let term, !term.isEmpty else { return false }
        let prefixes = ["xterm", "tmux", "screen", "rxvt", "alacritty", "foot", "kitty", "wezterm", "vte",
                        "gnome", "konsole", "st-", "iterm", "putty", "contour", "ghostty"]
        return prefixes.contains { term.hasPrefix($0) }
    }
}
