/// The bar between brackets: filled in proportion to the fraction, with
/// eighth-cell precision when Unicode is available, or a moving block when
/// the total is unknown (no fake percentage).
enum ProgressBar {
    struct Parts: Equatable {
        var filled: String
        var empty: String
    }

    /// `width` counts the brackets too; the inside is `width - 2` cells.
    static func determinate(fraction: Double, width: Int, glyphs: Glyphs) -> Parts {
        let inner = max(0, width - 2)
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        if glyphs.barEighths.isEmpty {
            let full = Int((clamped * Double(inner)).rounded(.down))
            return Parts(filled: String(repeating: glyphs.barFull, count: full),
                         empty: String(repeating: glyphs.barEmpty, count: inner - full))
        }
        let eighths = Int((clamped * Double(inner * 8)).rounded(.down))
        let full = eighths / 8
        let partial = eighths % 8
        var filled = String(repeating: glyphs.barFull, count: full)
        var used = full
        if partial > 0 && used < inner {
            filled += glyphs.barEighths[partial - 1]
            used += 1
        }
        return Parts(filled: filled, empty: String(repeating: glyphs.barEmpty, count: inner - used))
    }

    /// A block that moves as bytes arrive, so a live transfer of unknown
    /// length visibly progresses without claiming a percentage.
    static func indeterminate(bytesDone: Int64, width: Int, glyphs: Glyphs) -> String {
        let inner = max(0, width - 2)
        let block = glyphs.indeterminate
        let blockWidth = DisplayWidth.of(block)
        guard inner > blockWidth else { return String(repeating: " ", count: inner) }
        let travel = inner - blockWidth
        let step = Int((bytesDone / 65_536) % Int64(2 * travel))
        let position = step <= travel ? step : 2 * travel - step
        return String(repeating: " ", count: position) + block
            + String(repeating: " ", count: travel - position)
    }
}
