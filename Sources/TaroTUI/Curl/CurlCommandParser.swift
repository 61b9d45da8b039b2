import Foundation

/// Reads a pasted `curl` command, as a browser's "Copy as cURL" writes it,
/// into what a download needs: the URL and the request headers (cookies
/// become one `Cookie` header). Anything that would make it other than a
/// plain GET is refused with the reason, rather than queued as something
/// else.
enum CurlCommandParser {
    struct Parsed: Equatable {
        var url: String
        var headers: [CurlCommand.Header]
    }

    struct Failure: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// True when `text` looks like a curl command rather than a URL.
    static func looksLikeCurl(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed == "curl" || trimmed.hasPrefix("curl ") || trimmed.hasPrefix("curl\t")
            || trimmed.hasPrefix("curl\\")
    }

    /// Options that take a value and are kept.
    private static let headerOptions: Set<String> = ["-H", "--header"]
    /// Options that send a body: never a download.
    private static let bodyOptions: Set<String> = [
        "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--data-ascii", "--json",
        "-F", "--form", "--form-string", "-T", "--upload-file",
    ]
    /// Options without a value that change nothing Taro needs to know.
    private static let ignoredSwitches: Set<String> = [
        "--compressed", "--silent", "--show-error", "--location", "--include", "--verbose", "--globoff", "--fail",
        "--remote-name", "--progress-bar", "--http1.1", "--http2", "--http2-prior-knowledge", "--remote-header-name",
    ]
    /// The same as single letters, which may come alone or clustered (`-sSL`).
    private static let ignoredLetters = Set("sSLivgfO#J")
    /// Headers that belong to the browser's decoding, not to the download:
    /// Taro writes the bytes as they arrive, so a browser's Accept-Encoding
    /// sent on would leave a gzip stream on disk under the file's name.
    private static let browserOnlyHeaders: Set<String> = ["accept-encoding"]
    /// Options with a value Taro decides itself (where the file goes, which part).
    private static let ignoredWithValue: Set<String> = ["-o", "--output", "-C", "--continue-at", "-r", "--range"]

    static func parse(_ text: String) throws(Failure) -> Parsed {
        // Chrome's "Copy as cURL (cmd)" quotes for Windows: ^" would be read as part of the URL.
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("curl ^\"") {
            throw Failure(description: "this is the Windows (cmd) form, quoted with ^; copy the request as cURL (bash)")
        }
        let words = try ShellWords.split(text)
        guard words.first == "curl" else { throw Failure(description: "not a curl command: it must start with curl") }
        var url: String?
        var headers: [CurlCommand.Header] = []
        var cookies: [String] = []
        var index = 1
        func value(of option: String) throws(Failure) -> String {
            index += 1
            guard index < words.count else { throw Failure(description: "\(option) needs a value") }
            return words[index]
        }
        while index < words.count {
            let word = words[index]
            // A short option may carry its value attached: -H'Accept: x'.
            var option = word
            var attached: String?
            if word.count > 2, word.hasPrefix("-"), !word.hasPrefix("--"),
               ["-H", "-b", "-A", "-e", "-X", "-u"].contains(String(word.prefix(2))) {
                option = String(word.prefix(2))
                attached = String(word.dropFirst(2))
            }
            func take() throws(Failure) -> String {
                if let attached { return attached }
                return try value(of: option)
            }
            switch option {
            case _ where headerOptions.contains(option):
                let line = try take()
                guard let colon = line.firstIndex(of: ":") else {
                    throw Failure(description: "\(option) wants 'Name: value', not \(line)")
                }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { throw Failure(description: "\(option) \(line): the header has no name") }
                if name.lowercased() == "cookie" {
                    cookies.append(value)
                } else if !browserOnlyHeaders.contains(name.lowercased()) {
                    headers.append(.init(name: name, value: value))
                }
            case "-b", "--cookie":
                let jar = try take()
                guard jar.contains("=") else {
                    throw Failure(description: "\(option) \(jar) names a cookie file; paste the cookies themselves (name=value)")
                }
                cookies.append(jar)
            case "-A", "--user-agent":
                headers.append(.init(name: "User-Agent", value: try take()))
            case "-e", "--referer":
                headers.append(.init(name: "Referer", value: try take()))
            case "-u", "--user":
                let credentials = try take()
                let token = Data(credentials.utf8).base64EncodedString()
                headers.append(.init(name: "Authorization", value: "Basic " + token))
            case "-X", "--request":
                let method = try take()
                guard method.uppercased() == "GET" else {
                    throw Failure(description: "-X \(method): a download is a GET; this command sends \(method)")
                }
            case "--url":
                guard url == nil else { throw Failure(description: "more than one URL; paste one command per download") }
                url = try take()
            case _ where bodyOptions.contains(option) || option.hasPrefix("--data"):
                throw Failure(description: "\(option) sends a request body; a download is a plain GET")
            case "-I", "--head":
                throw Failure(description: "\(option) asks for headers only; a download is a plain GET")
            case _ where ignoredSwitches.contains(option):
                break
            case _ where option.hasPrefix("-") && !option.hasPrefix("--") && option.count > 1
                && option.dropFirst().allSatisfy(ignoredLetters.contains):
                break
            case _ where ignoredWithValue.contains(option):
                _ = try take()
            case _ where option.hasPrefix("-") && option.count > 1:
                throw Failure(description: "curl option \(option) is not understood here")
            default:
                guard url == nil else { throw Failure(description: "more than one URL; paste one command per download") }
                url = word
            }
            index += 1
        }
        guard let url else { throw Failure(description: "the curl command has no URL") }
        if !cookies.isEmpty { headers.append(.init(name: "Cookie", value: cookies.joined(separator: "; "))) }
        // $'…' can spell any character: a line break in a header would be a
        // second header, in the URL garbage on the wire.
        func hasControl(_ text: String, allowingTab: Bool) -> Bool {
            text.unicodeScalars.contains { ($0.value < 0x20 && !(allowingTab && $0 == "\t")) || $0.value == 0x7F }
        }
        guard !hasControl(url, allowingTab: false) else { throw Failure(description: "the URL holds a control character") }
        for header in headers where hasControl(header.name + header.value, allowingTab: true) {
            throw Failure(description: "header \(header.name) holds a control character")
        }
        return Parsed(url: url, headers: headers)
    }
}

extension CurlCommandParser {
    /// A command pasted over several lines as one line: continuations
    /// (backslash, newline) are dropped, other line breaks become spaces.
    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\\\r\n", with: "")
            .replacingOccurrences(of: "\\\n", with: "")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
            .trimmingCharacters(in: .whitespaces)
    }
}
