/// The bar between brackets: filled in proportion to the fraction, with
/// eighth-cell precision when Unicode is available, or a moving block when
/// the total is unknown (no fake percentage).
enum ProgressBar {
    /// The inside of the bar as counts of glyphs, so the renderer can lay
    /// down each run without building strings (a frame draws dozens of bars).
    struct Parts: Equatable {
        /// Cells of `glyphs.barFull`.
        var full: Int
        /// One cell of a partial eighth after the full ones, if any.
        var partial: String?
        /// Cells of `glyphs.barEmpty` after those.
        var empty: Int
    }

    /// `width` counts the brackets too; the inside is `width - 2` cells.
    static func determinate(fraction: Double, width: Int, glyphs: Glyphs) -> Parts {
        let inner = max(0, width - 2)
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        if glyphs.barEighths.isEmpty {
            let full = Int((clamped * Double(inner)).rounded(.down))
            return Parts(full: full, partial: nil, empty: inner - full)
        }
        let eighths = Int((clamped * Double(inner * 8)).rounded(.down))
        let full = eighths / 8
        let partial = eighths % 8
        if partial > 0 && full < inner {
            return Parts(full: full, partial: glyphs.barEighths[partial - 1], empty: inner - full - 1)
        }
        return Parts(full: full, partial: nil, empty: inner - full)
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
