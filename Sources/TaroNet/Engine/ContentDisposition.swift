import Foundation

/// The file name a Content-Disposition header proposes: `filename*` (RFC 5987,
/// percent-encoded with a charset) wins over `filename`. The result is still
/// raw: callers pass it through SafeFileName.
package enum ContentDisposition {
    package static func fileName(from header: String) -> String? {
        var plain: String?
        var extended: String?
        for parameter in splitParameters(header).dropFirst() {
            guard let eq = parameter.firstIndex(of: "=") else { continue }
            let key = parameter[..<eq].trimmingSpaces().lowercased()
            var value = parameter[parameter.index(after: eq)...].trimmingSpaces()
            if key == "filename*" {
                // charset'language'percent-encoded
                let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    extended = String(parts[2]).removingPercentEncoding
                }
            } else if key == "filename" {
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                }
                plain = value
            }
        }
        return extended ?? plain
    }

    /// Splits on ';' outside double quotes.
    private static func splitParameters(_ header: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for ch in header {
            if escaped {
                current.append(ch)
                escaped = false
            } else if ch == "\\" && quoted {
                current.append(ch)
                escaped = true
            } else if ch == "\"" {
                quoted.toggle()
                current.append(ch)
            } else if ch == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }
}
