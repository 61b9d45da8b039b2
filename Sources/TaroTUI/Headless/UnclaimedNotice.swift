import TaroNet

/// What `get` says on stderr about saved unfinished transfers it did not
/// take up (another run's, another directory's): they are kept, and here
/// is how to continue them. Nothing another run left is dropped in silence.
enum UnclaimedNotice {
    /// Lines shown before "and N more".
    static let shown = 5

    /// The notice, or nil when there is nothing to say. `stateFlag` is the
    /// `--state-dir` argument a command needs to find the same records.
    static func text(_ records: [UnclaimedTransfer], stateDirectory: String, stateFlag: String?) -> String? {
        guard !records.isEmpty else { return nil }
        let state = stateFlag.map { " --state-dir " + shellQuoted($0) } ?? ""
        let noun = records.count == 1 ? "transfer" : "transfers"
        var text = "taro-tui get: \(records.count) saved unfinished \(noun) from another run "
            + "\(records.count == 1 ? "is" : "are") kept in \(TerminalText.sanitize(stateDirectory)) "
            + "(not part of this command); to continue:\n"
        for record in records.prefix(shown) {
            let size = ByteFormat.size(record.bytesDone)
            switch record.kind {
            case .download:
                text += "  taro-tui get\(state) -o \(shellQuoted(record.localPath)) \(shellQuoted(record.url))"
                    + "   (\(size) so far)\n"
            case .upload, .request:
                text += "  upload of \(TerminalText.sanitize(record.localPath)) to \(TerminalText.sanitize(record.url))"
                    + ": open taro-tui\(state)\n"
            }
        }
        if records.count > shown { text += "  … and \(records.count - shown) more\n" }
        text += "or open taro-tui\(state) to see them all, continue or discard them.\n"
        return text
    }

    /// Single-quoted for a POSIX shell, control characters escaped so the
    /// line is safe to show.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-:+,=@%".contains($0) }
        if safe && !text.isEmpty { return TerminalText.sanitize(text) }
        return "'" + TerminalText.sanitize(text).replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
