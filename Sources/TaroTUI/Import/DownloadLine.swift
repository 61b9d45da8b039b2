import TaroNet

/// One download as a person writes it in a list or the add prompt: a URL,
/// optionally followed (after a tab or spaces) by the checksum the file
/// must have: `https://example.com/f.iso<TAB>sha256=HEX`.
struct DownloadLine: Equatable {
    let url: String
    let checksum: Checksum?

    /// Nil `checksum` text means none was given; a malformed one is an
    /// error that names what was wrong, so nothing is queued unchecked.
    static func parse(_ line: String) throws(Checksum.ParseError) -> DownloadLine {
        let text = line.trimmingWhitespace()
        guard let gap = text.firstIndex(where: { $0 == "\t" || $0 == " " }) else {
            return DownloadLine(url: text, checksum: nil)
        }
        let url = String(text[..<gap])
        let rest = String(text[gap...]).trimmingWhitespace()
        return DownloadLine(url: url, checksum: try Checksum(parsing: rest))
    }
}
