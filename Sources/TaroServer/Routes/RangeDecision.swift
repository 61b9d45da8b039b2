/// How a single-range `Range` header applies to a body of known size
/// (RFC 9110 §14). Multiple ranges and syntax errors are ignored, which the
/// RFC allows, and produce the full body.
enum RangeDecision: Equatable {
    case full
    /// Inclusive byte positions.
    case partial(first: Int64, last: Int64)
    case unsatisfiable

    init(rangeHeader: String, size: Int64) {
        let value = rangeHeader.trimmingSpaces
        guard value.lowercased().hasPrefix("bytes=") else { self = .full; return }
        let spec = value.dropFirst("bytes=".count).trimmingSpaces
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { self = .full; return }
        let firstText = spec[..<dash].trimmingSpaces
        let lastText = spec[spec.index(after: dash)...].trimmingSpaces
        guard firstText.allSatisfy(\.isASCIIDigit), lastText.allSatisfy(\.isASCIIDigit) else {
            self = .full
            return
        }

        if firstText.isEmpty {
            // bytes=-S: the last S bytes.
            guard let suffix = Int64(lastText) else { self = .full; return }
            if suffix == 0 || size == 0 { self = .unsatisfiable; return }
            self = .partial(first: max(0, size - suffix), last: size - 1)
            return
        }
        guard let first = Int64(firstText) else { self = .unsatisfiable; return }
        var last = size - 1
        if !lastText.isEmpty {
            // An end beyond the size is clamped; one that cannot be parsed
            // is too large for Int64, so also beyond the size.
            last = Int64(lastText).map { min($0, size - 1) } ?? size - 1
            if let end = Int64(lastText), end < first { self = .full; return }
        }
        self = first >= size ? .unsatisfiable : .partial(first: first, last: last)
    }
}
