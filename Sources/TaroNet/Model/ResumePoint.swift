/// Where a partial download stands on disk, enough to continue it with a
/// verified ranged request: the validator the bytes belong to, the total
/// length, and how far the .part is known good. For a segmented download,
/// each range's own progress.
package struct ResumePoint: Sendable, Equatable, Codable {
    package struct Range: Sendable, Equatable, Codable {
        package var start: Int64
        package var end: Int64
        package var written: Int64

        package init(start: Int64, end: Int64, written: Int64) {
            self.start = start
            self.end = end
            self.written = written
        }
    }

    /// Strong ETag (with its quotes) or Last-Modified date, as the server sent it.
    package var validator: String
    package var total: Int64
    /// Bytes from the start of the file known to be on disk (single connection).
    package var offset: Int64
    /// Per-range progress of a segmented download; empty for one connection.
    package var ranges: [Range]

    package init(validator: String, total: Int64, offset: Int64, ranges: [Range] = []) {
        self.validator = validator
        self.total = total
        self.offset = offset
        self.ranges = ranges
    }

    /// Bytes known good, all ranges together.
    package var bytesOnDisk: Int64 {
        ranges.isEmpty ? offset : ranges.reduce(0) { $0 + min($1.written, $1.end - $1.start) }
    }
}
