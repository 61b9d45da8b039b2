import Foundation

/// One unfinished transfer as kept in the state directory: enough to put it
/// back in the list and continue it where its .part stands.
package struct StoredTransfer: Sendable, Equatable, Codable {
    package static let currentVersion = 1

    package enum State: String, Sendable, Codable {
        /// Continues as soon as it is loaded.
        case queued
        /// Comes back paused.
        case paused
    }

    package var version: Int
    /// File name in the state directory; stable for the transfer's life.
    package var key: String
    package var request: TransferRequest
    package var serverNaming: Bool
    package var state: State
    package var resume: ResumePoint?
    package var attempts: Int
    package var addedAt: Date
    /// Its own rate cap set on the row (bytes per second); absent for none,
    /// and in records written before caps existed.
    package var rateLimit: Int64?
    /// Which kind of run saved it last (nil: written before this was kept,
    /// by the TUI). The TUI continues its own records at launch and lists
    /// the others as `saved`, not in this run.
    package var owner: Owner?
    /// What the finished file must hash to (absent in records that had none).
    package var checksum: Checksum?
    /// Its place in the queue: restored in rank order (absent in old records).
    package var rank: Double?
    /// The secrets the request had and this record leaves out (header names,
    /// or the URL's user:password): absent when it had none.
    package var withheld: [String]?

    package enum Owner: String, Sendable, Codable {
        case tui, get
    }

    package init(key: String, request: TransferRequest, serverNaming: Bool, state: State,
                resume: ResumePoint?, attempts: Int, addedAt: Date, owner: Owner? = nil,
                checksum: Checksum? = nil, rank: Double? = nil) {
        self.version = Self.currentVersion
        self.key = key
        self.request = request
        self.serverNaming = serverNaming
        self.state = state
        self.resume = resume
        self.attempts = attempts
        self.addedAt = addedAt
        self.owner = owner
        self.checksum = checksum
        self.rank = rank
    }

    /// Rejects records that decode but make no sense (hostile or damaged).
    var isPlausible: Bool {
        guard version == Self.currentVersion, attempts >= 0, attempts < 1_000_000, (rateLimit ?? 0) >= 0,
              key.count <= 64, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        if let c = checksum, c.digest.count != c.algorithm.length { return false }
        if let rank, !rank.isFinite { return false }
        if let withheld, withheld.count > 64 || withheld.contains(where: { $0.utf8.count > 256 }) { return false }
        if let r = resume {
            guard r.total >= 0, r.offset >= 0, r.offset <= r.total, r.ranges.count <= 4096,
                  r.ranges.allSatisfy({ $0.start >= 0 && $0.start <= $0.end && $0.end <= r.total && $0.written >= 0 })
            else { return false }
        }
        switch request {
        case .download(let url, let path, _): return !url.isEmpty && path.hasPrefix("/")
        case .upload(let file, let url, _, _, _): return !url.isEmpty && file.hasPrefix("/")
        }
    }
}
