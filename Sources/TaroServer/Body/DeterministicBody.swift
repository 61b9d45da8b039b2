/// The bytes every scripted response carries, computable by any client from
/// (seed, offset) alone so a download can be checked without storing it.
///
/// The body is a sequence of little-endian 64-bit words; word k is
/// `splitmix64(splitmix64(seed) &+ k)`. The stream never repeats, so a range
/// placed at the wrong offset is caught, and because the seed is mixed first,
/// the bodies of nearby seeds are unrelated rather than shifted copies.
public enum DeterministicBody {
    /// Writes the body bytes `offset ..< offset + buffer.count` into `buffer`.
    /// `offset` may be any non-negative value, not only a multiple of 8.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer, seed: UInt64, offset: Int64) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        precondition(offset >= 0, "DeterministicBody offsets start at 0")
        let streamBase = mix(seed)
        var word = UInt64(offset) / 8
        var written = 0
        let total = buffer.count

        // A leading partial word when the offset is not word-aligned.
        let skip = Int(UInt64(offset) % 8)
        if skip != 0 {
            let bytes = mix(streamBase &+ word).littleEndian
            withUnsafeBytes(of: bytes) { wordBytes in
                let taken = min(8 - skip, total)
                base.copyMemory(from: wordBytes.baseAddress! + skip, byteCount: taken)
                written = taken
            }
            word &+= 1
        }
        // Whole words, stored unaligned straight into the destination.
        while total &- written >= 8 {
            base.storeBytes(of: mix(streamBase &+ word).littleEndian, toByteOffset: written, as: UInt64.self)
            written &+= 8
            word &+= 1
        }
        // A trailing partial word.
        if written < total {
            let bytes = mix(streamBase &+ word).littleEndian
            withUnsafeBytes(of: bytes) { wordBytes in
                (base + written).copyMemory(from: wordBytes.baseAddress!, byteCount: total &- written)
            }
        }
    }

    /// `count` body bytes starting at `offset`.
    public static func bytes(seed: UInt64, offset: Int64 = 0, count: Int) -> [UInt8] {
        // An empty result is the shared empty-array singleton, and
        // `unsafeUninitializedCapacity: 0` still stores its count (0 over 0)
        // there: harmless, but Thread Sanitizer reports it as a race between
        // two connections sending empty bodies.
        guard count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(UnsafeMutableRawBufferPointer(buffer), seed: seed, offset: offset)
            initialized = count
        }
    }

    /// The SHA-256 of the first `size` body bytes, as `sha256sum` would print it.
    public static func sha256Hex(seed: UInt64, size: Int64) -> String {
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while offset < size {
            let count = Int(min(Int64(buffer.count), size - offset))
            let slice = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
            fill(slice, seed: seed, offset: offset)
            hasher.update(UnsafeRawBufferPointer(slice))
            offset += Int64(count)
        }
        return SHA256.hex(hasher.finalize())
    }

    /// SplitMix64's output function: a cheap, well-mixed bijection on 64 bits.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}
