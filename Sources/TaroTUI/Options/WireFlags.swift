import Foundation
import TaroNet

/// The curl-style options shared by the TUI and every headless command
/// (`--cacert`, `-k`, `--proxy`, `-u`, `-b`, `-c`, `-A`, `--http2`…), read
/// from the config file first and then from the command line, so a flag
/// given on the command line wins. Each value is checked here, so a typo is
/// a usage error before anything starts.
public struct WireFlags: Sendable {
    public struct OptionError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Options followed by a value.
    public static let withValue: Set<String> = [
        "--cacert", "--capath", "--proxy", "--noproxy", "-u", "--user", "--netrc-file", "-b", "--cookie",
        "-c", "--cookie-jar", "-A", "--user-agent", "--connect-timeout", "--max-host-connections",
    ]
    /// Options that stand alone.
    public static let switches: Set<String> = ["-k", "--insecure", "--netrc", "--http1.1", "--http2", "--segment-connections"]

    public static func knows(_ flag: String) -> Bool { withValue.contains(flag) || switches.contains(flag) }

    public private(set) var wire = WireOptions()
    public private(set) var maxHostConnections = 0

    public init() {}

    /// The config file's options, then `commandLine`'s, in order.
    public static func resolve(_ commandLine: [(flag: String, value: String?)],
                               environment: [String: String] = ConfigFile.placeEnvironment()) throws -> WireFlags {
        var flags = WireFlags()
        for entry in try ConfigFile.load(environment: environment) where knows(entry.flag) {
            do {
                try flags.apply(entry.flag, entry.value)
            } catch {
                throw OptionError(description: "\(entry.file) line \(entry.line): \(error)")
            }
        }
        for (flag, value) in commandLine { try flags.apply(flag, value) }
        return flags
    }

    public mutating func apply(_ flag: String, _ value: String?) throws {
        func need() throws -> String {
            guard let value else { throw OptionError(description: "\(flag) needs a value") }
            return value
        }
        func existing(_ path: String, directory: Bool = false) throws -> String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                  isDirectory.boolValue == directory, access(path, R_OK) == 0 else {
                throw OptionError(description: "\(flag): no readable \(directory ? "directory" : "file") \(path)")
            }
            return path
        }
        switch flag {
        case "--cacert": wire.caFile = try existing(try need())
        case "--capath": wire.caPath = try existing(try need(), directory: true)
        case "-k", "--insecure": wire.insecure = true
        case "--proxy": wire.proxy = try need()
        case "--noproxy": wire.noProxy = try need()
        case "-u", "--user":
            let text = try need()
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
                // Never echo the text: it holds a password.
                throw OptionError(description: "\(flag) wants user:password")
            }
            wire.credentials = .init(user: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
        case "--netrc": wire.netrc = .optional(file: nil)
        case "--netrc-file": wire.netrc = .optional(file: try existing(try need()))
        case "-b", "--cookie":
            let text = try need()
            wire.cookie = text.contains("=") ? text : try existing(text)
        case "-c", "--cookie-jar":
            let path = try need()
            let parent = (path as NSString).deletingLastPathComponent
            guard !path.isEmpty, parent.isEmpty || FileManager.default.fileExists(atPath: parent) else {
                throw OptionError(description: "\(flag): no directory for \(path)")
            }
            wire.cookieJar = path
        case "-A", "--user-agent": wire.userAgent = try need()
        case "--connect-timeout":
            let text = try need()
            guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
                throw OptionError(description: "\(flag) wants seconds (0.001 to 86400), not \(text)")
            }
            wire.connectTimeoutMilliseconds = max(1, Int(seconds * 1000))
        case "--max-host-connections":
            let text = try need()
            guard let n = Int(text), (0...1000).contains(n) else {
                throw OptionError(description: "\(flag) wants a number from 0 to 1000, not \(text)")
            }
            maxHostConnections = n
        case "--http1.1": wire.httpVersion = .http1_1
        case "--http2": wire.httpVersion = .http2
        case "--segment-connections": wire.segmentConnections = true
        default: throw OptionError(description: "unknown option \(flag)")
        }
    }

    /// Said once on stderr by the headless commands: a check was turned off.
    public var insecureWarning: String? {
        wire.insecure ? "taro-tui: warning: --insecure: server certificates are NOT checked\n" : nil
    }
}
