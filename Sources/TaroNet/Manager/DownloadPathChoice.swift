import Glibc

/// Where a new download into a directory goes: `name`, or `name-1`,
/// `name-2`… , the first that no file or `.part` on disk has and no listed
/// row has reserved.
///
/// Decided in two halves so that the manager's lock is never held across a
/// file-system call: `probe` asks the disk (two `access` calls a candidate,
/// before the lock is taken), and `reservationConflict` asks the
/// reservations under the lock. On a conflict the choice moves past it and
/// is probed again. While names were probed under the lock, importing a
/// list held it for two `access` calls per URL, 1000 URLs a batch, and the
/// engine and the screen waited for it.
struct DownloadPathChoice {
    let directory: String
    let name: String
    /// The numbered candidate to try first.
    private(set) var n = 0
    /// The candidate the disk had free, until a conflict makes it stale.
    private(set) var path: String?

    init(directory: String, name: String) {
        self.directory = directory
        self.name = name
    }

    /// Finds the first candidate from `n` on that the disk has free and
    /// `taken` (the other choices of one batch) does not hold. Outside the lock.
    mutating func probe(skipping taken: Set<String> = []) {
        guard path == nil else { return }
        let base = TransferManager.joined(directory, name)
        while n < Self.numberedLimit {
            let candidate = n == 0 ? base : FileSink.numbered(base, n)
            if !taken.contains(candidate), access(candidate, F_OK) != 0, access(candidate + ".part", F_OK) != 0 {
                path = candidate
                return
            }
            n += 1
        }
        path = base + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// Under the manager's lock: whether a listed row already reserved the
    /// probed path. If so, the choice moves to the next candidate no row
    /// has reserved and must be probed again.
    mutating func reservationConflict(_ reserved: PathReservations) -> Bool {
        guard let path, reserved.contains(path) else { return false }
        let base = TransferManager.joined(directory, name)
        repeat { n += 1 } while n < Self.numberedLimit && reserved.contains(FileSink.numbered(base, n))
        self.path = nil
        return true
    }

    /// Forgets the probed path and starts again from candidate `n`: a later
    /// choice of a batch with the same name, once an earlier one moved on,
    /// so that the batch's names still rise in the list's order.
    mutating func probeAgain(from n: Int) {
        self.n = max(self.n, n)
        path = nil
    }

    private static let numberedLimit = 10_000
}
