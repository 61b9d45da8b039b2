import Foundation

/// One transfer in a manager's list, beside what the list shows of it (the
/// row's snapshot, kept in `ManagerState.list`). While it waits it is only
/// this: its request and its place; the live `core` exists only while an
/// attempt runs. Kept small (a list holds 100,000 of them): what most
/// rows never have (a resume point to start from) is boxed, and what the
/// state directory holds is remembered as a fingerprint, not a copy.
struct ManagedRow {
    let request: TransferRequest
    let serverNaming: Bool
    /// What the finished download must hash to, when the user said.
    var checksum: Checksum?
    /// Its place in the queue as the state directory keeps it: rows are
    /// restored in rank order, and a moved row takes a rank between its
    /// neighbours' so that only its own record changes.
    var rank: Double?
    /// The record's key in the state directory, made when first saved.
    var key: String?
    /// Attempts made by earlier submissions (manual retries, earlier runs).
    var earlierAttempts: Int
    /// Where the first attempt resumes (a saved record, a manual retry).
    var resume: ResumePoint? {
        get { resumeBox?.point }
        set { resumeBox = newValue.map(ResumeBox.init) }
    }
    private var resumeBox: ResumeBox?
    var core: TransferCore?
    /// The core's version last merged into the row's snapshot.
    var coreVersion: UInt64 = 0
    /// What the state directory holds for this row, if anything.
    var saved: SavedMark?
    /// The manager's version when this row last changed.
    var version: UInt64 = 0

    init(request: TransferRequest, serverNaming: Bool, checksum: Checksum? = nil,
         rank: Double? = nil, key: String? = nil, earlierAttempts: Int, resume: ResumePoint? = nil,
         saved: SavedMark? = nil) {
        self.request = request
        self.serverNaming = serverNaming
        self.checksum = checksum
        self.rank = rank
        self.key = key
        self.earlierAttempts = earlierAttempts
        self.saved = saved
        self.resume = resume
    }

    private final class ResumeBox: Sendable {
        let point: ResumePoint
        init(_ point: ResumePoint) { self.point = point }
    }
}

/// The changing parts of a row's saved record, to tell whether it needs
/// saving again: its state, attempts and a 64-bit fingerprint of its resume
/// point (a copy of the point cost 50 bytes a row). Two different points
/// with one fingerprint would skip one save; the next change saves again.
struct SavedMark: Equatable {
    var state: StoredTransfer.State
    var attempts: Int32
    var resume: Int
    var rateLimit: Int64?
    var rank: Double?

    init(_ record: StoredTransfer) {
        state = record.state
        rank = record.rank
        attempts = Int32(clamping: record.attempts)
        rateLimit = record.rateLimit
        var hasher = Hasher()
        if let point = record.resume {
            hasher.combine(point.validator)
            hasher.combine(point.total)
            hasher.combine(point.offset)
            for range in point.ranges {
                hasher.combine(range.start)
                hasher.combine(range.end)
                hasher.combine(range.written)
            }
        } else {
            hasher.combine(-1 as Int64)
        }
        resume = hasher.finalize()
    }
}
