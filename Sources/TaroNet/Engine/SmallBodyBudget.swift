import Synchronization

/// How many bytes of small bodies may wait in memory for the disk worker.
///
/// A body of a few KiB arrives in one or two pieces; written as it comes,
/// its `pwrite` runs on the engine thread, which every other transfer waits
/// on (W2: 18 % of the engine's time). Kept whole instead, it is written by
/// the disk worker in the same pass that syncs and names the file. The
/// budget bounds what that costs in memory when hundreds finish at once
/// (W7 runs 200 at a time): past it, a body is written as it arrives, as
/// before. Taken on the engine thread, given back on whichever thread
/// frees the writer.
enum SmallBodyBudget {
    /// 1 MiB: 64 bodies of 16 KiB, more than W2 ever has between its
    /// 16 running transfers and the disk worker's batch.
    static let limit = 1 << 20
    private static let held = Atomic<Int>(0)

    /// Takes `bytes` from the budget; false (nothing taken) when they do not fit.
    static func take(_ bytes: Int) -> Bool {
        let after = held.add(bytes, ordering: .relaxed).newValue
        guard after <= limit else {
            held.subtract(bytes, ordering: .relaxed)
            return false
        }
        return true
    }

    static func give(_ bytes: Int) {
        held.subtract(bytes, ordering: .relaxed)
    }

    /// Bytes taken and not given back (tests).
    static var inUse: Int { held.load(ordering: .relaxed) }
}
