/// What a cell's colour means, not which colour it is: the terminal maps roles
/// to colour pairs, and maps them to nothing at all under `NO_COLOR`.
public enum ColorRole: UInt8, Sendable, Equatable, CaseIterable {
    case normal
    case accent     // headings, active transfers
    case good       // done, 2xx
    case warning    // paused, 3xx, redirects
    case bad        // failed, 4xx/5xx, errors
    case muted      // queued, secondary text
    case progress   // the filled part of a bar
}
