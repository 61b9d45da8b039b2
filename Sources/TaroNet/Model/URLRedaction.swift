import Foundation

/// Removes credentials from URLs and header values before they are shown
/// anywhere (screen, logs, snapshots).
enum URLRedaction {
    /// "https://user:pw@host/p" → "https://host/p".
    static func redacted(_ url: String) -> String {
        guard var comps = URLComponents(string: url), comps.user != nil || comps.password != nil else {
            return url
        }
        comps.user = nil
        comps.password = nil
        return comps.string ?? url
    }

    /// Request header names whose values are secrets.
    static func isSecretHeader(_ name: String) -> Bool {
        switch name.lowercased() {
        case "authorization", "proxy-authorization", "cookie", "x-api-key", "x-auth-token":
            return true
        default:
            return false
        }
    }

    static func maskedValue(name: String, value: String) -> String {
        isSecretHeader(name) ? "••••" : value
    }
}
