import Foundation

/// Checks a URL before anything is queued, so a bad one fails at once with
/// a message that says what is wrong.
enum RequestURL {
    static func validate(_ text: String) -> TransferFailure? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return .message("invalid url: empty") }
        guard let comps = URLComponents(string: trimmed), let scheme = comps.scheme?.lowercased() else {
            return .message("invalid url: \(text)")
        }
        guard scheme == "http" || scheme == "https" else {
            return .message("unsupported protocol: \(scheme) (only http and https)")
        }
        // Where the host is, not what it is: `host` and `percentEncodedHost`
        // run IDNA through ICU, which brought ICU's code and normalization
        // data into every `get` only to see that a host is there.
        guard let host = comps.rangeOfHost, !host.isEmpty else {
            return .message("invalid url (no host): \(text)")
        }
        return nil
    }

    /// The last path component, percent-decoded; "" when there is none.
    static func lastPathComponent(_ text: String) -> String {
        guard let comps = URLComponents(string: text) else { return "" }
        let path = comps.percentEncodedPath
        guard let last = path.split(separator: "/", omittingEmptySubsequences: true).last else { return "" }
        return PathText.percentDecoded(last) ?? String(last)
    }
}
