/// The resume contract as a pure value: given where a resumed request asked
/// to continue and the final response's head, what to do with the body.
/// No curl, no file: the rules are tested on their own (ResumeDecisionTests).
///
/// - 206 whose Content-Range starts at the cursor with the same total: append.
/// - 416 with `*/N` equal to the local size and an unchanged validator: the
///   file is already complete.
/// - 200: If-Range did not match (or ranges are not served): the whole new
///   file follows, so start the .part over and keep the body.
/// - Anything else that claims to be a range of another file: start over on
///   the next attempt.
enum ResumeDecision: Equatable {
    /// Keep the .part and append from `base`.
    case append(base: Int64)
    /// Everything is on disk already; the body is not file data.
    case complete(size: Int64)
    /// Truncate the .part and take this body as the whole file.
    case restart
    /// Drop the .part and fail so that a retry starts from zero.
    case startOver(reason: String)
    /// Not a status the contract speaks of (an error page): leave it to
    /// the usual HTTP handling.
    case notApplicable

    /// `cursor`: where this request's Range started. `segmented`: the point
    /// has per-range progress (a 416 cannot confirm a whole file then).
    static func decide(point: ResumePoint, cursor: Int64, segmented: Bool, status: Int,
                       contentRange: String?, etag: String?) -> ResumeDecision {
        switch status {
        case 206:
            guard let range = ContentRange(contentRange), range.start == cursor, range.total == point.total else {
                return .startOver(reason: "the server answered with another range")
            }
            return .append(base: cursor)
        case 416:
            let range = ContentRange(contentRange)
            if !segmented, range?.total == point.total, cursor == point.total, etag == nil || etag == point.validator {
                return .complete(size: cursor)
            }
            return .startOver(reason: "the file on the server is not the one on disk")
        case 200:
            return .restart
        default:
            return .notApplicable
        }
    }
}
