import TaroNet

/// The add prompt given a curl command (a browser's "Copy as cURL"): the
/// URL is queued with the headers and cookies the browser would send, so a
/// download behind a login works as it did in the browser.
extension AppReducer {
    static func acceptCurl(_ state: inout AppState, _ text: String) -> Reaction {
        let parsed: CurlCommandParser.Parsed
        do throws(CurlCommandParser.Failure) {
            parsed = try CurlCommandParser.parse(text)
        } catch {
            return refuse(&state, "curl command: \(error.description).")
        }
        guard isWebURL(parsed.url) else { return refuse(&state, "Only http:// and https:// URLs can be downloaded.") }
        var headers: [String: String] = [:]
        for header in parsed.headers {
            // The same name twice is one header with both values (RFC 9110 5.3).
            let joiner = header.name.lowercased() == "cookie" ? "; " : ", "
            let key = headers.keys.first { $0.lowercased() == header.name.lowercased() } ?? header.name
            headers[key] = headers[key].map { $0 + joiner + header.value } ?? header.value
        }
        state.prompt = nil
        let noun = headers.count == 1 ? "header" : "headers"
        state.message = StatusMessage("Queued download of \(parsed.url) with \(headers.count) \(noun) from the curl command.")
        return Reaction(commands: [.queueDownloadWithHeaders(url: parsed.url, directory: state.downloadDirectory,
                                                             headers: headers)])
    }
}

/// `C`: the selected download as the curl command that repeats it, copied
/// to the clipboard and shown. Built from what the row says was sent, so
/// secrets come masked as the header pane shows them.
extension AppReducer {
    /// Headers curl sends by itself, or that belong to one attempt.
    private static let curlOwnHeaders: Set<String> = ["host", "range", "if-range", "content-length", "connection",
                                                      "expect", "transfer-encoding"]

    static func exportCurl(_ state: inout AppState, items: ShownRows) -> Reaction {
        guard let item = state.selectedItem(in: items) else { return refuse(&state, "No transfer selected.") }
        guard item.kind == .download else { return refuse(&state, "Only downloads can be exported as curl.") }
        let headers = item.exchange.requestFields
            .filter { !curlOwnHeaders.contains($0.name.lowercased()) && !($0.name.lowercased() == "accept" && $0.value == "*/*") }
            // The row keeps secrets hidden; the command shows them as *** too.
            .map { CurlCommand.Header(name: $0.name, value: $0.value == URLRedaction.hiddenValue ? CurlCommand.mask : $0.value) }
        let unfinished = item.state != .done && item.bytesDone > 0
        let command = CurlCommand(url: item.url, headers: headers, outputPath: item.localPath,
                                  outputDirectory: item.localPath == nil ? state.downloadDirectory : nil,
                                  resumeBytes: unfinished ? item.bytesDone : 0)
        let text = command.shellText()
        state.message = StatusMessage("Copied: " + TerminalText.sanitize(text, asciiOnly: state.asciiOnly, limit: 2000))
        return Reaction(clipboard: text)
    }
}
