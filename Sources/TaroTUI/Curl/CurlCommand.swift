import Foundation
import TaroNet

/// The `curl` command that repeats one download: built from what Taro was
/// asked (URL, headers, credentials, destination, how much is on disk), so
/// a person can run it elsewhere, or compare it with what Taro does.
/// Secrets are masked unless asked for: a command on the screen or in a
/// clipboard travels further than the state directory.
struct CurlCommand: Equatable {
    struct Header: Equatable {
        var name: String
        var value: String
    }

    var url: String
    var headers: [Header] = []
    /// "user:password", from the URL's userinfo or a credential option.
    var credentials: String?
    /// Where the file goes; nil: named by curl in `outputDirectory`.
    var outputPath: String?
    /// With no `outputPath`: the directory curl names the file in, after
    /// the server's Content-Disposition or the URL, as Taro does.
    var outputDirectory: String?
    /// Bytes already in `outputPath + ".part"`: the command continues that
    /// file and gives it its final name, as Taro would.
    var resumeBytes: Int64 = 0
    /// Options curl spells as Taro does (--proxy, -k, --cacert, -b …),
    /// passed on as given; a cookie given inline is masked like the header.
    var options: [String] = []

    /// The placeholder shown for a masked secret.
    static let mask = "***"

    /// Userinfo in the URL moves to `-u`, where it can be masked.
    init(url: String, headers: [Header] = [], credentials: String? = nil,
         outputPath: String? = nil, outputDirectory: String? = nil, resumeBytes: Int64 = 0) {
        var url = url
        var credentials = credentials
        if var parts = URLComponents(string: url), let user = parts.percentEncodedUser {
            let password = parts.percentEncodedPassword.map { ":" + $0 } ?? ""
            if credentials == nil {
                credentials = (user + password).removingPercentEncoding ?? user + password
            }
            parts.percentEncodedUser = nil
            parts.percentEncodedPassword = nil
            url = parts.string ?? url
        }
        self.url = url
        self.headers = headers
        self.credentials = credentials
        self.outputPath = outputPath
        self.outputDirectory = outputDirectory
        self.resumeBytes = resumeBytes
    }

    /// The command as words (argv), the first being `curl`. `-L` and
    /// `--fail` because Taro follows redirects and keeps no error page.
    func arguments(revealSecrets: Bool = false) -> [String] {
        var argv = ["curl", "-L", "--fail"]
        if let credentials {
            argv += ["-u", revealSecrets ? credentials : Self.maskCredentials(credentials)]
        }
        var index = options.startIndex
        while index < options.endIndex {
            let option = options[index]
            argv.append(option)
            if ["-b", "--cookie"].contains(option), index + 1 < options.endIndex {
                let value = options[index + 1]
                argv.append(revealSecrets || !value.contains("=") ? value : Self.maskHeader(name: "Cookie", value: value))
                index += 1
            } else if option == "--proxy", index + 1 < options.endIndex {
                let value = options[index + 1]
                argv.append(revealSecrets ? value : Self.maskProxyPassword(value))
                index += 1
            }
            index += 1
        }
        for header in headers {
            let value = revealSecrets ? header.value : Self.maskHeader(name: header.name, value: header.value)
            argv += ["-H", "\(header.name): \(value)"]
        }
        if let outputPath {
            if resumeBytes > 0 {
                // `-C -` reads the offset from the file it appends to.
                argv += ["-C", "-", "-o", outputPath + ".part"]
            } else {
                argv += ["-o", outputPath]
            }
        } else if let outputDirectory {
            argv += ["--output-dir", outputDirectory, "-O", "-J"]
        }
        argv.append(url)
        return argv
    }

    /// The command as one line for a POSIX shell; a resumed download is
    /// renamed once complete, as Taro renames its .part.
    func shellText(revealSecrets: Bool = false) -> String {
        var text = arguments(revealSecrets: revealSecrets).map(Self.shellQuote).joined(separator: " ")
        if let outputPath, resumeBytes > 0 {
            text += " && mv " + Self.shellQuote(outputPath + ".part") + " " + Self.shellQuote(outputPath)
        }
        return text
    }

    /// A word as the shell reads it back unchanged: bare when it holds only
    /// characters no shell treats specially, else in single quotes, where
    /// nothing is special but the quote itself (written '\'').
    static func shellQuote(_ word: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@%+,=")
        if !word.isEmpty && word.allSatisfy({ plain.contains($0) }) && !word.hasPrefix("=") { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// "user:secret" → "user:***"; the user name stays so the reader knows
    /// whose credentials to fill in.
    static func maskCredentials(_ credentials: String) -> String {
        let user = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return user + ":" + mask
    }

    /// "http://user:secret@proxy:3128" → "http://user:***@proxy:3128" (also
    /// without a scheme, as curl takes it); a proxy without a password as it is.
    static func maskProxyPassword(_ proxy: String) -> String {
        let start = proxy.range(of: "://")?.upperBound ?? proxy.startIndex
        let authorityEnd = proxy[start...].firstIndex(of: "/") ?? proxy.endIndex
        guard let at = proxy[start..<authorityEnd].lastIndex(of: "@"),
              let colon = proxy[start..<at].firstIndex(of: ":") else { return proxy }
        return String(proxy[...colon]) + mask + String(proxy[at...])
    }

    /// A secret header keeps its scheme word ("Bearer ***"), a cookie its
    /// names ("a=***; b=***"); any other header is shown as it is.
    static func maskHeader(name: String, value: String) -> String {
        switch name.lowercased() {
        case "cookie":
            // Without "=" there is no name to keep (a value already hidden).
            guard value.contains("=") else { return mask }
            return value.split(separator: ";").map { pair in
                let name = pair.split(separator: "=", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces)
                return name + "=" + mask
            }.joined(separator: "; ")
        case _ where URLRedaction.isSecretHeader(name):
            let words = value.split(separator: " ", maxSplits: 1)
            return words.count == 2 ? words[0] + " " + mask : mask
        default:
            return value
        }
    }
}
