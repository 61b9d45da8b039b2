import Foundation
import TaroNet

/// The options of `aria2.addUri` this manager can honour: where the file
/// goes (`dir`, `out`), request headers (`header`, `referer`,
/// `user-agent`), the file's digest (`checksum`, aria2's `sha-256=HEX`) and
/// its own speed cap (`max-download-limit`). aria2's many other options
/// (split, connections per server…) are tuning aria2 does itself and are
/// ignored, as aria2 ignores options that do not apply.
struct Aria2AddOptions {
    var directory: String
    var fileName: String?
    var headers: [String: String] = [:]
    var checksum: Checksum?
    /// Bytes per second; 0 for no cap of its own.
    var maxDownloadLimit: Int64 = 0

    init(_ options: [String: JSONValue], roots: DownloadRoots, index: Int) throws {
        directory = roots.downloadDirectory
        for (name, value) in options {
            switch name {
            case "checksum":
                let text = try Self.text(value, index: index)
                do {
                    checksum = try Checksum(parsing: text)
                } catch {
                    throw RPCError("checksum: \(error.description)")
                }
            case "max-download-limit":
                maxDownloadLimit = try Aria2Speed.parse(try Self.text(value, index: index), option: name)
            case "dir":
                directory = try roots.confine(try Self.text(value, index: index))
            case "out":
                fileName = try Self.fileName(try Self.text(value, index: index))
            case "header":
                for line in try Self.lines(value, index: index) {
                    let (key, text) = try Self.header(line)
                    headers[key] = text
                }
            case "referer":
                headers["Referer"] = try Self.headerValue(try Self.text(value, index: index))
            case "user-agent":
                headers["User-Agent"] = try Self.headerValue(try Self.text(value, index: index))
            default:
                continue
            }
        }
    }

    private static func text(_ value: JSONValue, index: Int) throws -> String {
        guard case .string(let s) = value else { throw RPCError.wrongType(at: index) }
        return s
    }

    private static func lines(_ value: JSONValue, index: Int) throws -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let items): return try items.map { try text($0, index: index) }
        default: throw RPCError.wrongType(at: index)
        }
    }

    /// `out` is a name in `dir`, never a path: separators, dot names and
    /// anything the safe-name rules would change are refused, not silently
    /// rewritten, so the client knows where the file is.
    static func fileName(_ out: String) throws -> String {
        guard !out.isEmpty, out != ".", out != "..", !out.contains("/"),
              !out.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw RPCError("out \(out) must be a plain file name inside dir")
        }
        let safe = SafeFileName.make(out)
        guard safe == out else { throw RPCError("out \(out) is not a safe file name: it would be saved as \(safe)") }
        return out
    }

    static func header(_ line: String) throws -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { throw RPCError("header \(line) has no colon") }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f && $0 != ":" }) else {
            throw RPCError("header \(line) has no valid name")
        }
        return (key, try headerValue(String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
    }

    /// No CR, LF or other control character: a header cannot smuggle another.
    static func headerValue(_ text: String) throws -> String {
        guard !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7f }) else {
            throw RPCError("a header value holds a control character")
        }
        return text
    }
}
