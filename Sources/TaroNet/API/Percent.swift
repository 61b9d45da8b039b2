enum Percent {
    /// 0…100; 0 when the total is unknown.
    static func of(_ done: Int64, _ total: Int64) -> Int {
        guard total > 0 else { return 0 }
        return Int(min(100, max(0, done.multipliedReportingOverflow(by: 100).overflow
            ? done / (total / 100 + 1) : done * 100 / total)))
    }
}
