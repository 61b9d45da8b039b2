import Foundation

/// A row's record as the persister decides it under the manager's lock: the
/// row's fields as they are, copied. Made into a `StoredTransfer` (secrets
/// left out) only after the lock is let go: that part costs microseconds a
/// record, and a pass over an imported list makes thousands of them while
/// the TUI waits for the same lock.
struct RecordDraft {
    let key: String
    let request: TransferRequest
    let serverNaming: Bool
    let state: StoredTransfer.State
    let resume: ResumePoint?
    let attempts: Int
    let addedAt: Date
    let checksum: Checksum?
    let rank: Double?
    /// Its own rate cap; nil for none.
    let rateLimit: Int64?

    /// The fingerprint the record will have (SavedMark(record)), without making it.
    var mark: SavedMark {
        SavedMark(state: state, rank: rank, attempts: attempts, rateLimit: rateLimit, resume: resume)
    }

    func record(owner: StoredTransfer.Owner?) -> StoredTransfer {
        let (request, withheld) = request.withoutSecrets
        var record = StoredTransfer(key: key, request: request, serverNaming: serverNaming, state: state,
                                    resume: resume, attempts: attempts, addedAt: addedAt, owner: owner,
                                    checksum: checksum, rank: rank)
        record.rateLimit = rateLimit
        record.withheld = withheld.isEmpty ? nil : withheld
        return record
    }
}
