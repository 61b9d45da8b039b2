/// How one file is split into byte ranges fetched over several connections,
/// and how an idle connection steals half of the largest range left. A value
/// with no I/O, so the rules are tested directly.
struct SegmentPlan: Equatable {
    struct Segment: Equatable {
        var start: Int64
        /// Exclusive. Shrinks when another connection steals the tail.
        var end: Int64
        var written: Int64 = 0
        /// A connection is fetching it now.
        var active = false
        var attempts = 0

        var length: Int64 { end - start }
        var remaining: Int64 { max(0, end - start - written) }
        var isComplete: Bool { written >= end - start }
        /// Where the next byte of this segment goes.
        var cursor: Int64 { start + written }
    }

    let total: Int64
    private(set) var segments: [Segment]

    /// `connections` equal ranges (the first taken by the connection that
    /// asked for the whole file), none smaller than `minimumSize`.
    init(total: Int64, connections: Int, minimumSize: Int64) {
        self.total = total
        let count = Int(max(1, min(Int64(connections), total / max(1, minimumSize))))
        let size = total / Int64(count)
        segments = (0..<count).map { i in
            let start = Int64(i) * size
            return Segment(start: start, end: i == count - 1 ? total : start + size)
        }
        segments[0].active = true
    }

    /// A plan saved in a resume point, every range idle.
    init(restoring ranges: [ResumePoint.Range], total: Int64) {
        self.total = total
        segments = ranges.map { Segment(start: $0.start, end: $0.end, written: $0.written) }
    }

    var totalWritten: Int64 { segments.reduce(0) { $0 + min($1.written, $1.length) } }
    var isComplete: Bool { segments.allSatisfy(\.isComplete) }
    var activeCount: Int { segments.filter(\.active).count }

    subscript(index: Int) -> Segment { segments[index] }

    /// Counts `count` bytes arriving for a segment; returns how many of them
    /// belong to it (the rest lie past a stolen boundary and are dropped).
    mutating func accept(_ count: Int64, into index: Int) -> Int64 {
        let taken = min(count, segments[index].remaining)
        segments[index].written += taken
        return taken
    }

    /// Caps a segment's progress at what its writer really put on disk.
    mutating func limitWritten(_ index: Int, toFileOffset end: Int64) {
        segments[index].written = max(0, min(segments[index].written, end - segments[index].start))
    }

    mutating func setActive(_ index: Int, _ active: Bool) {
        segments[index].active = active
        if active { segments[index].attempts += 1 }
    }

    /// Incomplete segments no connection is working on.
    var idleIndices: [Int] {
        segments.indices.filter { !segments[$0].active && !segments[$0].isComplete }
    }

    /// Splits the active segment with the most left to fetch, if that is at
    /// least twice `minimumSize`: its connection keeps the first half, the
    /// second half becomes a new idle segment whose index is returned.
    mutating func steal(minimumSize: Int64, alignment: Int64 = 64 * 1024) -> Int? {
        guard let victim = segments.indices.filter({ segments[$0].active })
            .max(by: { segments[$0].remaining < segments[$1].remaining }),
            segments[victim].remaining >= 2 * minimumSize else { return nil }
        let s = segments[victim]
        var cut = s.cursor + s.remaining / 2
        cut -= cut % alignment
        guard cut > s.cursor, cut < s.end else { return nil }
        segments[victim].end = cut
        segments.append(Segment(start: cut, end: s.end))
        return segments.count - 1
    }
}
