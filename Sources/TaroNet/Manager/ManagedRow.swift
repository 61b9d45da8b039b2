import Foundation

/// One transfer in a manager's list. While it waits it is only this: its
/// request and what the list shows of it; the live `core` exists only while
/// an attempt runs.
struct ManagedRow {
    var snapshot: TransferSnapshot
    let request: TransferRequest
    let serverNaming: Bool
    /// The record's file name in the state directory, made when first saved.
    var key: String?
    /// Attempts made by earlier submissions (manual retries, earlier runs).
    var earlierAttempts: Int
    /// Where the first attempt resumes (a saved record, a manual retry).
    var resume: ResumePoint?
    var core: TransferCore?
    /// The core's version last merged into `snapshot`.
    var coreVersion: UInt64 = 0
    /// What the state directory holds for this row, if anything: only the
    /// parts that change, so that 100,000 rows do not each keep a record copy.
    var saved: SavedMark?
    /// The manager's version when this row last changed.
    var version: UInt64 = 0
}

/// The changing parts of a row's saved record, to tell whether it needs saving again.
struct SavedMark: Equatable {
    var state: StoredTransfer.State
    var resume: ResumePoint?
    var attempts: Int
    var rateLimit: Int64?

    init(_ record: StoredTransfer) {
        state = record.state
        resume = record.resume
        attempts = record.attempts
        rateLimit = record.rateLimit
    }
}
