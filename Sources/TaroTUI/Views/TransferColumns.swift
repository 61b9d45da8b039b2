/// Where each column of a transfer row starts and how wide it is, for one
/// screen width. Computed once per frame and shared by the heading and rows.
///
/// On narrow screens the name shrinks first (down to `minimumName`), then the
/// speed column goes, then the ETA, then the size, and last the bar.
struct TransferColumns: Sendable, Equatable {
    static let minimumName = 10
    static let minimumBar = 8
    static let maximumBar = 40
    static let percentWidth = 4
    static let sizeWidth = 17    // "1023 MiB/1023 MiB"
    static let speedWidth = 10   // "1023 MiB/s"
    static let etaWidth = 6      // "59m59s"
    static let stateWidth = 7    // "aborted"

    let markerX = 0
    let glyphX = 1
    let nameX = 3
    let nameWidth: Int
    /// Width 0 when the bar is dropped.
    let barX: Int
    let barWidth: Int
    let percentX: Int
    let sizeX: Int?
    let speedX: Int?
    let etaX: Int?
    let stateX: Int

    init(width: Int) {
        // marker, glyph, space | name | space, percent | space, state
        let fixed = 3 + (1 + Self.percentWidth) + (1 + Self.stateWidth)
        var spare = width - fixed - Self.minimumName
        var bar = 0
        if spare >= Self.minimumBar + 1 {
            bar = Self.minimumBar
            spare -= Self.minimumBar + 1
        }
        let showSize = bar > 0 && spare >= Self.sizeWidth + 1
        if showSize { spare -= Self.sizeWidth + 1 }
        let showETA = showSize && spare >= Self.etaWidth + 1
        if showETA { spare -= Self.etaWidth + 1 }
        let showSpeed = showETA && spare >= Self.speedWidth + 1
        if showSpeed { spare -= Self.speedWidth + 1 }
        // What is left goes to the name, with a third of it to the bar.
        let spareSpace = max(0, spare)
        if bar > 0 {
            bar = min(Self.maximumBar, bar + spareSpace / 3)
        }
        let name = max(1, width - fixed - (bar > 0 ? bar + 1 : 0)
                       - (showSize ? Self.sizeWidth + 1 : 0)
                       - (showETA ? Self.etaWidth + 1 : 0)
                       - (showSpeed ? Self.speedWidth + 1 : 0))
        nameWidth = name
        var x = nameX + name + 1
        barX = x
        barWidth = bar
        if bar > 0 { x += bar + 1 }
        percentX = x
        x += Self.percentWidth + 1
        sizeX = showSize ? x : nil
        if showSize { x += Self.sizeWidth + 1 }
        speedX = showSpeed ? x : nil
        if showSpeed { x += Self.speedWidth + 1 }
        etaX = showETA ? x : nil
        if showETA { x += Self.etaWidth + 1 }
        stateX = x
    }
}
