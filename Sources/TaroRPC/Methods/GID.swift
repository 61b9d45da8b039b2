/// aria2's download id: 16 hex digits. A transfer's id in the manager is a
/// 64-bit number, so the two map one to one.
enum GID {
    static func format(_ id: UInt64) -> String {
        let hex = String(id, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The id of a gid; nil unless it is exactly 16 hex digits.
    static func parse(_ text: String) -> UInt64? {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ $0 < 128 && ($0 >= 48 && $0 <= 57 || $0 >= 65 && $0 <= 70 || $0 >= 97 && $0 <= 102) }) else {
            return nil
        }
        return UInt64(text, radix: 16)
    }
}
