import Foundation

/// Checks a URL before anything is queued, so a bad one fails at once with
/// a message that says what is wrong.
enum RequestURL {
    static func validate(_ text: String) -> TransferFailure? {
        if isPlainHTTP(text) { return nil }
        return parsedValidate(text)
    }

    /// `validate` by `URLComponents`: every URL that is not plain HTTP.
    static func parsedValidate(_ text: String) -> TransferFailure? {
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

    /// True when the text is plainly a valid http or https URL (see
    /// PlainURL): a host, at most a port of one to five digits. Such a URL
    /// is what `URLComponents` accepts with a host; anything else is left
    /// to it. Checking every URL of an imported list with `URLComponents`
    /// was 1.3 % of `get`'s user time.
    static func isPlainHTTP(_ text: String) -> Bool {
        guard let url = PlainURL(text) else { return false }
        return url.isHTTP && url.hostLength > 0 && url.hasPlainPort
    }

    /// The last path component, percent-decoded; "" when there is none.
    static func lastPathComponent(_ text: String) -> String {
        plainLastPathComponent(text) ?? parsedLastPathComponent(text)
    }

    /// The same answer for a URL whose text needs no parsing to be sure of
    /// it (see PlainURL); nil for anything else, which `URLComponents`
    /// decides. Naming every URL of an imported list through
    /// `URLComponents` was 5 % of the command's main thread.
    static func plainLastPathComponent(_ text: String) -> String? {
        PlainURL(text).map { String(text[$0.lastComponent]) }
    }

    /// `URLComponents`' answer: its percent-encoded path's last non-empty
    /// segment, decoded.
    static func parsedLastPathComponent(_ text: String) -> String {
        guard let comps = URLComponents(string: text) else { return "" }
        let path = comps.percentEncodedPath
        guard let last = path.split(separator: "/", omittingEmptySubsequences: true).last else { return "" }
        return PathText.percentDecoded(last) ?? String(last)
    }
}
