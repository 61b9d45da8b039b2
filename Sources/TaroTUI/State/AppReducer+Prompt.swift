import TaroNet

/// Keys while a prompt is open: line editing, Enter to accept, Esc to cancel.
/// A one-line paste is inserted like typing; a paste of several lines is
/// handled by `reducePaste`.
extension AppReducer {
    static func reducePrompt(_ state: inout AppState, _ key: Key) -> Reaction {
        guard var prompt = state.prompt else { return .none }
        var editor = prompt.editor
        switch key {
        case .character(let scalar):
            // Control, bidi and other invisible characters never enter the
            // line: what is sent is what is shown.
            if !TerminalText.needsEscape(scalar) { editor.insert(scalar) }
        case .left, .control("b"): editor.moveLeft()
        case .right, .control("f"): editor.moveRight()
        case .home, .control("a"): editor.moveToStart()
        case .end, .control("e"): editor.moveToEnd()
        case .backspace, .control("h"): editor.backspace()
        case .delete, .control("d"): editor.deleteForward()
        case .control("u"): editor.killToStart()
        case .control("k"): editor.killToEnd()
        case .control("w"): editor.killPreviousWord()
        case .escape, .control("g"), .control("c"):
            state.prompt = nil
            if prompt.purpose == .filter {
                clearFilter(&state)
                return .none
            }
            state.message = StatusMessage("Cancelled.")
            return .none
        case .enter:
            return accept(&state, prompt: prompt)
        case .paste(let text):
            return reducePaste(&state, prompt: prompt, text: text)
        default:
            return .none
        }
        prompt.editor = editor
        state.prompt = prompt
        state.message = nil
        // The filter follows every keystroke.
        if prompt.purpose == .filter { state.filter = editor.text.trimmingWhitespace() }
        return .none
    }

    private static func accept(_ state: inout AppState, prompt: Prompt) -> Reaction {
        let text = prompt.editor.text.trimmingWhitespace()
        if prompt.purpose == .filter {
            // The filter is already applied; Enter only closes the prompt.
            state.prompt = nil
            if text.isEmpty { clearFilter(&state) }
            return .none
        }
        guard !text.isEmpty else {
            state.prompt = nil
            state.message = StatusMessage("Cancelled.")
            return .none
        }
        switch prompt.purpose {
        case .downloadURL where CurlCommandParser.looksLikeCurl(text):
            return acceptCurl(&state, text)
        case .downloadURL:
            // "URL sha256=HEX": the file must match before it gets its name.
            let line: DownloadLine
            do throws(Checksum.ParseError) {
                line = try DownloadLine.parse(text)
            } catch {
                return refuse(&state, "Checksum: \(error.description).")
            }
            guard isWebURL(line.url) else { return refuse(&state, "Only http:// and https:// URLs can be downloaded.") }
            state.prompt = nil
            let check = line.checksum.map { " (checked: \($0.algorithm.rawValue))" } ?? ""
            state.message = StatusMessage("Queued download of \(line.url)\(check)")
            return Reaction(commands: [.queueDownload(url: line.url, directory: state.downloadDirectory,
                                                      checksum: line.checksum)])
        case .uploadFile:
            state.prompt = Prompt(purpose: .uploadURL(filePath: text))
            state.message = nil
            return .none
        case .uploadURL(let filePath):
            guard isWebURL(text) else { return refuse(&state, "Only http:// and https:// URLs can take uploads.") }
            state.prompt = nil
            state.message = StatusMessage("Queued upload of \(filePath)")
            return Reaction(commands: [.queueUpload(filePath: filePath, url: text, fieldName: "file")])
        case .globalRate:
            return acceptGlobalRate(&state, text)
        case .transferRate(let id, let name):
            guard let rate = try? RateText.parse(text) else { return refuse(&state, RateText.Invalid(text: text).description) }
            state.prompt = nil
            state.message = StatusMessage(rate > 0 ? "\(name) limited to \(RateText.format(rate))/s." : "\(name) has no limit of its own.")
            return Reaction(commands: [.setRateLimit(id, bytesPerSecond: rate)])
        case .filter:
            return .none
        }
    }

    /// "2M" limits downloads; "2M/512k" downloads and uploads; "/512k" only uploads.
    private static func acceptGlobalRate(_ state: inout AppState, _ text: String) -> Reaction {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var limits = state.rateLimits
        do {
            if !parts[0].isEmpty { limits.download = try RateText.parse(parts[0]) }
            if parts.count > 1, !parts[1].isEmpty { limits.upload = try RateText.parse(parts[1]) }
        } catch {
            return refuse(&state, error.description)
        }
        state.prompt = nil
        state.rateLimits = limits
        state.message = StatusMessage("Rate limit: down \(RateText.format(limits.download)), up \(RateText.format(limits.upload)).")
        return Reaction(commands: [.setRateLimits(limits)])
    }

    /// Only http and https are allowed anywhere; saying so here is friendlier
    /// than a failed row a moment later.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            return lower.count > scheme.count
        }
        return false
    }
}
