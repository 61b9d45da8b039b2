import TaroNet

/// A safe name can only name a file inside the directory it is joined to:
/// no separator, no "." or "..", no hidden dot file, no control or bidi
/// character, no `.part` suffix, at most 200 bytes, never empty.
enum SafeNameInvariant {
    static func check(_ bytes: [UInt8]) {
        let raw = String(decoding: bytes, as: UTF8.self)
        let name = SafeFileName.make(raw)
        verify(name, from: raw)
    }

    static func verify(_ name: String, from raw: String) {
        if name.isEmpty { violated("empty safe name for \(raw.debugDescription)") }
        // Bytes, as the file system sees them, not Characters: "/" with a
        // combining mark after it is a Character of its own.
        let bytes = Array(name.utf8)
        if bytes.contains(0x2F) || bytes.contains(0x5C) { violated("separator in \(name.debugDescription)") }
        if bytes.first == 0x2E || zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E }) {
            violated("dots in \(name.debugDescription)")
        }
        if name.utf8.count > 200 { violated("\(name.utf8.count) bytes") }
        if name.lowercased().hasSuffix(".part") { violated(".part suffix in \(name.debugDescription)") }
        for scalar in name.unicodeScalars where isControlOrBidi(scalar) {
            violated("U+\(String(scalar.value, radix: 16)) in \(name.debugDescription)")
        }
    }

    /// C0, DEL, C1, and every bidi control (embeddings, overrides, isolates, marks).
    static func isControlOrBidi(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
