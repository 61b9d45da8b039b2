/// Whole numbers for people: 12345 → "12,345". Fixed separators rather
/// than the locale's, so screens and tests read the same everywhere.
enum CountFormat {
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
