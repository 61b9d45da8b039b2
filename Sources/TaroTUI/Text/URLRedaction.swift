/// Removes `user:password@` from a URL before it is shown: credentials are
/// never put on screen, even if a caller forgot to strip them.
enum URLRedaction {
    static func withoutUserinfo(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let rest = url[authorityStart...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<authorityStart]) + String(url[url.index(after: at)...])
    }

    /// Request headers whose values are secrets.
    static func isSecretHeader(_ name: String) -> Bool {
        switch name.lowercased() {
        case "authorization", "proxy-authorization", "cookie":
            return true
        default:
            return false
        }
    }
}
