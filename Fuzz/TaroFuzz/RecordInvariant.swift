import Foundation
import TaroNet

/// The state-record loader: the queue journal's lines and the record JSON
/// they carry. A line is refused, or reads back as the same bytes under a
/// valid key; a record is refused, or is plausible, keyed validly, and
/// survives a save and load unchanged.
enum RecordInvariant {
    static func check(_ bytes: [UInt8]) {
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard let parsed = JournalLine.parse(line) else { continue }
            if Array(parsed.bytes.dropLast()) != Array(line) { violated("journal line does not read back as itself") }
            switch parsed {
            case .save(let key, let json):
                if !JournalLine.isValidKey(Array(key.utf8)) { violated("journal key \(key.debugDescription)") }
                checkRecord(json)
            case .delete(let key):
                if !JournalLine.isValidKey(Array(key.utf8)) { violated("journal key \(key.debugDescription)") }
            }
        }
        checkRecord(bytes)
    }

    private static func checkRecord(_ json: [UInt8]) {
        guard let record = TransferStore.decode(json) else { return }
        if record.key.contains("/") || record.key.contains(".") || record.key.isEmpty {
            violated("record key \(record.key.debugDescription)")
        }
        guard let encoded = try? JSONEncoder().encode(record) else { violated("a loaded record does not encode") }
        if TransferStore.decode(Array(encoded)) != record { violated("a loaded record changes on save and load") }
    }
}
