/// Pasting into a prompt. One line is inserted at the cursor, as if typed
/// (nothing is accepted until Enter). Several lines into the download
/// prompt queue one download per non-blank line at once: what was typed
/// before the cursor joins the first line and what was after it the last,
/// as in any editor. The other prompts take one line only.
extension AppReducer {
    static func reducePaste(_ state: inout AppState, prompt: Prompt, text: String) -> Reaction {
        var text = pasteable(text)
        // A browser's "Copy as cURL" spans lines; it is one command.
        if prompt.purpose == .downloadURL && CurlCommandParser.looksLikeCurl(text) {
            text = CurlCommandParser.oneLine(text)
        }
        let pasted = nonBlankLines(text)
        guard pasted.count > 1 else {
            var prompt = prompt
            for scalar in (pasted.first ?? "").unicodeScalars where !TerminalText.needsEscape(scalar) {
                prompt.editor.insert(scalar)
            }
            state.prompt = prompt
            state.message = nil
            return .none
        }
        guard prompt.purpose == .downloadURL else {
            return refuse(&state, "Paste one line here: a file name or URL has no line breaks.")
        }
        let editor = prompt.editor
        let before = String(editor.characters[..<editor.cursor])
        let after = String(editor.characters[editor.cursor...])
        let lines = nonBlankLines(before + text + after)
        let urls = lines.filter(isWebURL)
        guard !urls.isEmpty else {
            return refuse(&state, "None of the \(lines.count) pasted lines is an http:// or https:// URL.")
        }
        state.prompt = nil
        var message = urls.count == 1 ? "Queued 1 download from the paste." : "Queued \(urls.count) downloads from the paste."
        if let bad = lines.first(where: { !isWebURL($0) }) {
            let skipped = lines.count - urls.count
            let noun = skipped == 1 ? "line that is not an http(s) URL" : "lines that are not http(s) URLs"
            message += " Skipped \(skipped) \(noun), first: \(bad)"
        }
        state.message = StatusMessage(message, kind: urls.count == lines.count ? .info : .error)
        return Reaction(commands: [.queueDownloads(urls: urls, directory: state.downloadDirectory)])
    }

    /// `text` without what must not enter a prompt (control, bidi and other
    /// invisible characters: what is sent is what is shown); line breaks
    /// stay, a tab becomes a space.
    static func pasteable(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r": out.append(scalar)
            case "\t": out.append(" ")
            default: if !TerminalText.needsEscape(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Lines of `text` (split at \\n, \\r\\n or \\r), trimmed, blank ones left out.
    static func nonBlankLines(_ text: String) -> [String] {
        // Split on scalars: "\\r\\n" is one Character, so Character-based
        // splitting would miss it.
        text.unicodeScalars
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { String(String.UnicodeScalarView($0)).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }
}
