import Foundation

/// One transfer in a manager's list, beside what the list shows of it (the
/// row's snapshot, kept in `ManagerState.list`). While it waits it is only
/// this: its request and its place; the live `core` exists only while an
/// attempt runs. Kept small (a list holds 100,000 of them): what most
/// rows never have (a resume point to start from) is boxed, and what the
/// state directory holds is remembered as a fingerprint, not a copy.
struct ManagedRow {
    // Stored fields are packed (a list holds 100,000 of these): optional
    // numbers as plain numbers with a value meaning nil, what few rows have
    // (a checksum to verify, a resume point to start from) in one box, and
    // the 8-byte fields before the small ones.
    let request: TransferRequest
    /// The record's key in the state directory, made when first saved.
    var key: String?
    var core: TransferCore?
    /// The core's version last merged into the row's snapshot.
    var coreVersion: UInt64 = 0
    private var storedRank: Double = .nan
    private var extras: Extras?
    /// What the state directory holds for this row, if anything: its
    /// fingerprint, 0 for none (an Optional took a word of its own).
    private var storedSaved = 0
    private var storedEarlierAttempts: Int32 = 0
    let serverNaming: Bool
    /// Listed in the manager's `youngRows`, waiting to be old enough for
    /// a record: listed once however often it changes meanwhile.
    var awaitsAge = false
    /// Listed in the manager's `persistBacklog`: listed once however often
    /// it changes before the persister looks at it.
    var awaitsLook = false

    /// What the finished download must hash to, when the user said.
    var checksum: Checksum? {
        get { extras?.checksum }
        set { extras = Extras.with(checksum: newValue, resume: resume) }
    }
    /// Where the first attempt resumes (a saved record, a manual retry).
    var resume: ResumePoint? {
        get { extras?.resume }
        set { extras = Extras.with(checksum: checksum, resume: newValue) }
    }
    /// Its place in the queue as the state directory keeps it: rows are
    /// restored in rank order, and a moved row takes a rank between its
    /// neighbours' so that only its own record changes.
    var rank: Double? {
        get { storedRank.isNaN ? nil : storedRank }
        set { storedRank = newValue ?? .nan }
    }
    /// What the state directory holds for this row, if anything.
    var saved: SavedMark? {
        get { storedSaved == 0 ? nil : SavedMark(fingerprint: storedSaved) }
        set { storedSaved = newValue?.fingerprint ?? 0 }
    }
    /// Attempts made by earlier submissions (manual retries, earlier runs).
    var earlierAttempts: Int {
        get { Int(storedEarlierAttempts) }
        set { storedEarlierAttempts = Int32(clamping: newValue) }
    }

    init(request: TransferRequest, serverNaming: Bool, checksum: Checksum? = nil,
         rank: Double? = nil, key: String? = nil, earlierAttempts: Int, resume: ResumePoint? = nil,
         saved: SavedMark? = nil) {
        self.request = request
        self.serverNaming = serverNaming
        self.key = key
        self.saved = saved
        self.extras = Extras.with(checksum: checksum, resume: resume)
        self.rank = rank
        self.earlierAttempts = earlierAttempts
    }

    /// Never changed once made: a change makes a new box.
    private final class Extras: Sendable {
        let checksum: Checksum?
        let resume: ResumePoint?

        private init(checksum: Checksum?, resume: ResumePoint?) {
            self.checksum = checksum
            self.resume = resume
        }

        static func with(checksum: Checksum?, resume: ResumePoint?) -> Extras? {
            checksum == nil && resume == nil ? nil : Extras(checksum: checksum, resume: resume)
        }
    }
}

/// The changing parts of a row's saved record, to tell whether it needs
/// saving again: one 64-bit fingerprint of its state, rank, rate cap,
/// attempts and resume point (the fields themselves cost 32 bytes a row,
/// a copy of the point 50 more). Two different records with one
/// fingerprint would skip one save; the next change saves again.
struct SavedMark: Equatable {
    /// Never 0, which a row keeps for "no record".
    let fingerprint: Int

    init(fingerprint: Int) {
        self.fingerprint = fingerprint
    }

    init(_ record: StoredTransfer) {
        self.init(state: record.state, rank: record.rank, attempts: record.attempts, rateLimit: record.rateLimit,
                  resume: record.resume)
    }

    init(state: StoredTransfer.State, rank: Double?, attempts: Int, rateLimit: Int64?, resume: ResumePoint?) {
        var hasher = Hasher()
        hasher.combine(state)
        hasher.combine(rank)
        hasher.combine(attempts)
        hasher.combine(rateLimit)
        if let point = resume {
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
        let print = hasher.finalize()
        fingerprint = print == 0 ? 1 : print
    }
}
