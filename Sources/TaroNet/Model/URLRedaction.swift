/// Removes credentials from URLs and header values before they are shown
/// anywhere (screen, logs, snapshots, headless output).
public enum URLRedaction {
    /// "https://user:pw@host/p" → "https://host/p". Works on the text itself,
    /// so a URL too malformed to parse still loses its userinfo.
    public static func withoutUserinfo(_ url: String) -> String {
        guard let authority = PathText.authority(url),
              let at = url.utf8[authority].lastIndex(of: UInt8(ascii: "@")) else { return url }
        return String(url[..<authority.lowerBound]) + String(url[url.utf8.index(after: at)...])
    }

    /// Request header names whose values are secrets.
    public static func isSecretHeader(_ name: String) -> Bool {
        switch name.lowercased() {
        case "authorization", "proxy-authorization", "cookie", "x-api-key", "x-auth-token":
            return true
        default:
            return false
        }
    }

    /// What a secret header's value is shown as.
    public static let hiddenValue = "(hidden)"

    static func maskedValue(name: String, value: String) -> String {
        isSecretHeader(name) ? hiddenValue : value
    }
}
