/// Human-readable sizes and rates in binary units (B, KiB, MiB, GiB, TiB),
/// at most eight columns wide ("1023 KiB") so list columns can be fixed.
enum ByteFormat {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(max(0, bytes)) B" }
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        // One decimal below 100, whole numbers above: three significant digits
        // are all a glance needs, and the width stays fixed.
        let tenths = Int((value * 10).rounded())
        if tenths < 1000 {
            return "\(tenths / 10).\(tenths % 10) \(units[unit])"
        }
        return "\(Int(value.rounded())) \(units[unit])"
    }

    static func rate(_ bytesPerSecond: Double) -> String {
        guard bytesPerSecond.isFinite, bytesPerSecond >= 0 else { return "" }
        return size(Int64(min(bytesPerSecond, 9e18))) + "/s"
    }
}
