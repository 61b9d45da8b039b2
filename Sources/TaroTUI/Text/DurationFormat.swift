/// Short durations for ETAs ("45s", "3m04s", "1h02m", "2d03h") and precise
/// ones for curl timings ("12 ms", "1.25 s").
enum DurationFormat {
    static func eta(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "" }
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + twoDigits(total % 60) + "s" }
        if total < 86_400 { return "\(total / 3600)h" + twoDigits(total / 60 % 60) + "m" }
        let days = total / 86_400
        if days > 99 { return ">99d" }
        return "\(days)d" + twoDigits(total / 3600 % 24) + "h"
    }

    static func timing(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 1 {
            let ms = seconds * 1000
            if ms < 10 { return formatTenths(ms) + " ms" }
            return "\(Int(ms.rounded())) ms"
        }
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100)." + twoDigits(hundredths % 100) + " s"
    }

    private static func formatTenths(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func twoDigits(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
