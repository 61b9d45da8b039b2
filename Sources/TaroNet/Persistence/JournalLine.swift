import Foundation

/// One line of the queue journal, as bytes:
///
///     +KEY<TAB>JSON<LF>     the record KEY is now JSON (a StoredTransfer)
///     -KEY<LF>              the record KEY is gone
///
/// The key comes first and in the clear so that opening the journal finds
/// each key's latest line without decoding any JSON; JSON never holds a raw
/// tab or line feed, so a line is exactly up to the first LF.
package enum JournalLine: Equatable {
    case save(key: String, json: [UInt8])
    case delete(key: String)

    static let saveMark: UInt8 = UInt8(ascii: "+")
    static let deleteMark: UInt8 = UInt8(ascii: "-")
    static let tab: UInt8 = 9
    static let newline: UInt8 = 10

    /// A record key as the store makes them: letters, digits and '-', at most 64.
    package static func isValidKey(_ key: some Collection<UInt8>) -> Bool {
        !key.isEmpty && key.count <= 64 && key.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D
        }
    }

    /// The bytes of the line, its LF included.
    package var bytes: [UInt8] {
        switch self {
        case .save(let key, let json):
            return [Self.saveMark] + Array(key.utf8) + [Self.tab] + json + [Self.newline]
        case .delete(let key):
            return [Self.deleteMark] + Array(key.utf8) + [Self.newline]
        }
    }

    /// Reads one line without its LF; nil when it is not a line this store
    /// writes (damaged, or not ours).
    package static func parse(_ line: some Collection<UInt8>) -> JournalLine? {
        guard let first = line.first else { return nil }
        let rest = line.dropFirst()
        switch first {
        case saveMark:
            guard let tabAt = rest.firstIndex(of: tab) else { return nil }
            let key = rest[..<tabAt]
            let json = rest[rest.index(after: tabAt)...]
            guard isValidKey(key), !json.isEmpty else { return nil }
            return .save(key: String(decoding: key, as: UTF8.self), json: Array(json))
        case deleteMark:
            guard isValidKey(rest) else { return nil }
            return .delete(key: String(decoding: rest, as: UTF8.self))
        default:
            return nil
        }
    }

    /// The key of a save line (without its LF), read without copying its
    /// JSON; nil for any other line. For lines this store wrote and checked.
    static func savedKey(in line: ArraySlice<UInt8>) -> String? {
        guard line.first == saveMark, let tabAt = line.firstIndex(of: tab) else { return nil }
        return String(decoding: line[line.index(after: line.startIndex)..<tabAt], as: UTF8.self)
    }
}
