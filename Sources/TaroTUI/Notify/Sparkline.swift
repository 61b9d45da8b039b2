/// A row of rate samples drawn as one cell each, highest sample full height:
/// `▁▂▃▅█` with Unicode, `_.-=#` with ASCII (a terminal whose locale is not
/// UTF-8 would show block characters as mojibake).
public enum Sparkline {
    static let unicodeLevels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels = ["_", ".", "-", "=", "#"]

    /// The last `width` samples, right-aligned (newest at the right edge),
    /// padded with blanks on the left while the history is short. A zero
    /// sample is a blank, so a stalled second shows as a gap.
    public static func render(_ samples: [Double], width: Int, asciiOnly: Bool) -> String {
        guard width > 0 else { return "" }
        let levels = asciiOnly ? asciiLevels : unicodeLevels
        let shown = samples.suffix(width)
        let peak = shown.filter(\.isFinite).max() ?? 0
        var text = String(repeating: " ", count: width - shown.count)
        for sample in shown {
            guard peak > 0, sample.isFinite, sample > 0 else { text += " "; continue }
            // Each level covers an equal slice of (0, peak]: any rate at all
            // shows as at least the lowest block.
            let index = Int((sample / peak * Double(levels.count)).rounded(.up)) - 1
            text += levels[min(levels.count - 1, max(0, index))]
        }
        return text
    }
}
