/// What of a request the state directory may hold. Credentials never go to
/// disk in plain text: a secret header (Authorization, Cookie, …, as
/// `URLRedaction` names them) and the user:password in a URL are left out
/// of the saved record, and the record names what it left out so that the
/// next launch can say why the transfer waits.
extension TransferRequest {
    /// This request without its secrets, and the names of what was taken out
    /// ("Authorization", "Cookie", "the URL's user:password"); the request
    /// itself when it carries none (the common case costs a scan of a few bytes).
    var withoutSecrets: (request: TransferRequest, withheld: [String]) {
        var withheld: [String] = []
        let plainURL = URLRedaction.withoutUserinfo(url)
        if plainURL != url { withheld.append(Self.userinfoName) }
        func kept(_ headers: [String: String]) -> [String: String] {
            var kept = headers
            for name in headers.keys.sorted() where URLRedaction.isSecretHeader(name) {
                kept[name] = nil
                withheld.append(name)
            }
            return kept
        }
        switch self {
        case .download(_, let path, let headers):
            let headers = kept(headers)
            return withheld.isEmpty ? (self, []) : (.download(url: plainURL, path: path, headers: headers), withheld)
        case .upload(let file, _, let fieldName, let put, let headers):
            let headers = kept(headers)
            return withheld.isEmpty
                ? (self, [])
                : (.upload(filePath: file, url: plainURL, fieldName: fieldName, put: put, headers: headers), withheld)
        }
    }

    /// How a record names a URL's credentials it left out.
    static let userinfoName = "the URL's user:password"

    /// What a row restored without its credentials says in its pane.
    static func withheldNote(_ withheld: [String]) -> String {
        "Not saved to disk: " + withheld.joined(separator: ", ")
            + ". Resuming sends the request without them; add the transfer again to give them."
    }
}
