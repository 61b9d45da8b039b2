/// The non-letter characters the screen is drawn with, in a Unicode set and an
/// ASCII set for terminals whose locale is not UTF-8 (where anything outside
/// ASCII would come out as mojibake).
struct Glyphs: Sendable {
    /// Whether text must be reduced to ASCII too (passed to the sanitizer).
    let isASCII: Bool
    let download: String
    let upload: String
    let request: String
    let ellipsis: String
    let barFull: String
    let barEmpty: String
    /// Partial fills from 1/8 to 7/8 of a cell; empty for ASCII.
    let barEighths: [String]
    let barOpen: String
    let barClose: String
    let indeterminate: String
    let horizontal: String
    let separator: String
    let selection: String
    let enterKey: String
    /// After "done" when the file matched its checksum.
    let verified: String
    /// In place of the direction of a marked row.
    let mark: String

    static let unicode = Glyphs(
        isASCII: false,
        download: "↓", upload: "↑", request: "·", ellipsis: "…",
        barFull: "█", barEmpty: "░", barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        barOpen: "[", barClose: "]", indeterminate: "▓▓▓", horizontal: "─",
        separator: " · ", selection: ">", enterKey: "⏎", verified: "✓", mark: "●")

    static let ascii = Glyphs(
        isASCII: true,
        download: "v", upload: "^", request: "-", ellipsis: "~",
        barFull: "#", barEmpty: "-", barEighths: [],
        barOpen: "[", barClose: "]", indeterminate: "<=>", horizontal: "-",
        separator: " | ", selection: ">", enterKey: "Enter", verified: "+", mark: "*")

    static func forASCII(_ asciiOnly: Bool) -> Glyphs { asciiOnly ? .ascii : .unicode }
}

extension Glyphs {
    /// Server- or user-supplied text, escaped for this terminal.
    func safe(_ text: String, limit: Int = 4096) -> String {
        TerminalText.sanitize(text, asciiOnly: isASCII, limit: limit)
    }
}
