/// The download destinations a manager handed out, so that two rows never
/// share a file or a .part. Kept as 64-bit fingerprints of the paths, not
/// the paths: the rows hold the strings already, and a set of them cost 16
/// bytes a bucket (262,144 buckets at 100,000 rows) where a fingerprint
/// costs 8. Two paths with one fingerprint would only make the second
/// take a numbered name (`name-1`), as if the first were taken.
struct PathReservations {
    private var fingerprints: Set<Int> = []

    func contains(_ path: String) -> Bool { fingerprints.contains(path.hashValue) }

    mutating func insert(_ path: String) { fingerprints.insert(path.hashValue) }

    mutating func remove(_ path: String) { fingerprints.remove(path.hashValue) }
}
