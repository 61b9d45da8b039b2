/// Removes credentials from URLs and header values before they are shown
/// anywhere (screen, logs, snapshots, headless output).
public enum URLRedaction {
    /// "https://user:pw@host/p" → "https://host/p". Works on the text itself,
    /// so a URL too malformed to parse still loses its userinfo.
    public static func withoutUserinfo(_ url: String) -> String {
        guard let schemeEnd = PathText.schemeSeparator(url) else { return url }
        let authorityStart = schemeEnd.upperBound
        let rest = url[authorityStart...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<authorityStart]) + String(url[url.index(after: at)...])
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

    static func maskedValue(name: String, value: String) -> String {
        isSecretHeader(name) ? "(hidden)" : value
    }
}
