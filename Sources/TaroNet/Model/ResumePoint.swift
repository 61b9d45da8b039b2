/// Where a partial download stands on disk, enough to continue it with a
/// verified ranged request: the validator the bytes belong to, the total
/// length, and how far the .part is known good. For a segmented download,
/// each range's own progress.
public struct ResumePoint: Sendable, Equatable, Codable {
    public struct Range: Sendable, Equatable, Codable {
        public var start: Int64
        public var end: Int64
        public var written: Int64

        public init(start: Int64, end: Int64, written: Int64) {
            self.start = start
            self.end = end
            self.written = written
        }
    }

    /// Strong ETag (with its quotes) or Last-Modified date, as the server sent it.
    public var validator: String
    public var total: Int64
    /// Bytes from the start of the file known to be on disk (single connection).
    public var offset: Int64
    /// Per-range progress of a segmented download; empty for one connection.
    public var ranges: [Range]

    public init(validator: String, total: Int64, offset: Int64, ranges: [Range] = []) {
        self.validator = validator
        self.total = total
        self.offset = offset
        self.ranges = ranges
    }

    /// Bytes known good, all ranges together.
    public var bytesOnDisk: Int64 {
        ranges.isEmpty ? offset : ranges.reduce(0) { $0 + min($1.written, $1.end - $1.start) }
    }
}
