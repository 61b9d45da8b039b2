/// Reduces a name that came from a server or a URL to a safe base name: no
/// directory parts, no "." or ".." (nor ".." inside it), no hidden dot file, no control or bidi
/// characters, at most 200 bytes. What remains can only name a file inside
/// the directory it is joined to.
package enum SafeFileName {
    package static func make(_ raw: String, fallback: String = "download") -> String {
        // Both separators, then anything before the last one is dropped.
        // Scalars, not Characters: "/" followed by a combining mark is one
        // Character that is not equal to "/", yet the file system splits it.
        let all = raw.unicodeScalars
        let lastPart = all.lastIndex { $0 == "/" || $0 == "\\" }.map { all[all.index(after: $0)...] } ?? all[...]
        var scalars = String.UnicodeScalarView()
        for scalar in lastPart {
            if isUnsafe(scalar) {
                scalars.append("_")
            } else if scalar == ".", scalars.last == "." {
                // A run of dots is one: no ".." anywhere, so nothing that
                // joins or splits the name later can make a parent reference.
                continue
            } else {
                scalars.append(scalar)
            }
        }
        // Cut to length first: the checks below must see the final end.
        var name = String(scalars)
        while name.utf8.count > 200 { name.removeLast() }
        name = name.trimmingSpacesAndDots()
        // By scalar: ".\u{301}x" does not start with the Character "." but
        // is a hidden file all the same.
        if name.unicodeScalars.first == "." {
            name = "_" + String(name.unicodeScalars.drop { $0 == "." })
        }
        if name.isEmpty || name == "_" { return fallback }
        // "X.part" is how our own partial files are named: never take it.
        if name.lowercased().hasSuffix(".part") { name = String(name.dropLast(5)) + "_part" }
        return name
    }

    private static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x20, 0x7F, 0x80..<0xA0: return true      // C0, DEL, C1
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true  // bidi
        case 0xFEFF, 0xFFFD: return true
        default: return false
        }
    }
}

private extension String {
    /// Trailing dots and spaces and leading spaces go: "..", " ", "name. " all shrink.
    func trimmingSpacesAndDots() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " { s.removeFirst() }
        while let l = s.last, l == " " || l == "." { s.removeLast() }
        return String(s)
    }
}
