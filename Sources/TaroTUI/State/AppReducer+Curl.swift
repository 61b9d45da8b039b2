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
