import TaroNet

/// Decides, from successive totals, when the terminal title is due and when
/// the queue has just emptied. Pure: the loop feeds it totals and the whole
/// second, and writes what it returns.
public struct QueueAttention: Sendable {
    private var lastTitle: String?
    private var lastTitleSecond: Int64?
    /// Something was unfinished since the queue last emptied: an empty
    /// queue at launch, or one that stays empty, is not news.
    private var sawWork = false

    public init() {}

    /// The new title, at most once a second and only when its text changed.
    public mutating func title(for totals: TransferTotals, atSecond second: Int64) -> String? {
        let text = TitleText.make(totals)
        guard text != lastTitle else { return nil }
        if let lastTitleSecond, second <= lastTitleSecond { return nil }
        lastTitle = text
        lastTitleSecond = second
        return text
    }

    /// True once each time every transfer settled after some ran.
    public mutating func emptied(_ totals: TransferTotals) -> Bool {
        if totals.unfinished > 0 {
            sawWork = true
            return false
        }
        guard sawWork, totals.count > 0 else { return false }
        sawWork = false
        return true
    }

    /// The message line once the queue empties: the summary after what the
    /// line already says (an import's count, a paste's), never over a
    /// question waiting for its answer.
    public static func message(after current: StatusMessage?, _ totals: TransferTotals) -> StatusMessage? {
        guard let current else { return StatusMessage(summary(totals)) }
        if current.kind == .question { return nil }
        return StatusMessage(current.text + "  " + summary(totals), kind: current.kind)
    }

    /// The message line when the queue empties.
    public static func summary(_ totals: TransferTotals) -> String {
        var text = "All done: \(totals.done) done"
        if totals.failed > 0 { text += ", \(totals.failed) failed (press F to list failures)" }
        if totals.aborted > 0 { text += ", \(totals.aborted) aborted" }
        return text
    }
}
