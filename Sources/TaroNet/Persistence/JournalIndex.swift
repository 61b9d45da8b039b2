/// Where each live record's latest line is in the queue journal, by record
/// key: what a `[String: QueueJournal.Location]` did, in half the memory.
///
/// Why: at 100,000 waiting records that dictionary held 262,144 buckets of
/// 32 bytes (a 16-byte key, a 16-byte location), 8 MB, and 12 MB while it
/// grew. A key as the store makes it (12 base-36 characters, see
/// `TransferStore.makeKey`) is kept as the number it spells and a location
/// as one word (offset and length packed), so a bucket is 16 bytes. Any
/// other key (written by an older version, or by hand) and a location too
/// large to pack stay in a dictionary of their own, as before.
struct JournalIndex {
    typealias Location = QueueJournal.Location

    private var packed: [UInt64: UInt64] = [:]
    private var other: [String: Location] = [:]

    /// A packed location: the offset in the high 40 bits (1 TiB), the
    /// length in the low 24 (16 MiB; a state record is far smaller).
    private static let lengthBits: UInt64 = 24
    private static let lengthMask: UInt64 = 1 << lengthBits - 1
    private static let keyLength = 12

    var count: Int { packed.count + other.count }

    subscript(key: String) -> Location? {
        get {
            if let code = Self.code(of: key), let word = packed[code] { return Self.unpack(word) }
            return other.isEmpty ? nil : other[key]
        }
        set {
            let code = Self.code(of: key)
            if let code, let newValue, let word = Self.pack(newValue) {
                packed[code] = word
                if !other.isEmpty { other[key] = nil }
                return
            }
            if let code { packed[code] = nil }
            if newValue != nil || !other.isEmpty { other[key] = newValue }
        }
    }

    @discardableResult
    mutating func removeValue(forKey key: String) -> Location? {
        let old = self[key]
        if old != nil { self[key] = nil }
        return old
    }

    /// Every key held, in no particular order.
    var keys: [String] {
        var keys: [String] = []
        keys.reserveCapacity(count)
        for code in packed.keys { keys.append(Self.key(of: code)) }
        keys += other.keys
        return keys
    }

    // MARK: keys as numbers

    /// The number a canonical key spells; nil for any other key.
    static func code(of key: String) -> UInt64? {
        let utf8 = key.utf8
        guard utf8.count == keyLength else { return nil }
        return utf8.withContiguousStorageIfAvailable(code(ofBytes:)) ?? code(ofBytes: Array(utf8))
    }

    private static func code(ofBytes bytes: some Collection<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for byte in bytes {
            let digit: UInt64
            switch byte {
            case 0x30...0x39: digit = UInt64(byte - 0x30)
            case 0x61...0x7A: digit = UInt64(byte - 0x61 + 10)
            default: return nil
            }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 36)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// The key a number stands for: 12 base-36 digits, zero-padded.
    static func key(of code: UInt64) -> String {
        let digits = String(code, radix: 36)
        return String(repeating: "0", count: max(0, keyLength - digits.count)) + digits
    }

    private static func pack(_ at: Location) -> UInt64? {
        guard at.offset >= 0, at.length >= 0, UInt64(at.length) <= lengthMask,
              UInt64(at.offset) < 1 << (64 - lengthBits) else { return nil }
        return UInt64(at.offset) << lengthBits | UInt64(at.length)
    }

    private static func unpack(_ word: UInt64) -> Location {
        Location(offset: Int64(word >> lengthBits), length: Int(word & lengthMask))
    }
}
