import Foundation
import TaroNet

/// The state-record loader: any file content either is refused or gives a
/// plausible record whose key names a file in the state directory and which
/// survives a save and load unchanged.
enum RecordInvariant {
    static func check(_ bytes: [UInt8]) {
        guard let record = TransferStore.decode(bytes) else { return }
        if record.key.contains("/") || record.key.contains(".") || record.key.isEmpty {
            violated("record key \(record.key.debugDescription)")
        }
        guard let encoded = try? JSONEncoder().encode(record) else { violated("a loaded record does not encode") }
        if TransferStore.decode(Array(encoded)) != record { violated("a loaded record changes on save and load") }
    }
}
