import Foundation

/// SHA-256 (FIPS 180-4) in plain Swift: the toolchain on Linux ships neither
/// CryptoKit nor an OpenSSL module, and the test suites hash uploads and
/// downloads of up to a gibibyte, so the block function lives in
/// `SHA256+Compression.swift` where it is written for speed.
public struct SHA256: Sendable {
    /// The eight working hash words H0…H7.
    struct State: Sendable {
        var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85
        var h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
        var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c
        var h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19
    }

    private var state = State()
    /// Bytes of an incomplete 64-byte block, waiting for the next update.
    private var pending = PendingBlock()
    private var pendingCount = 0
    private var totalBytes: UInt64 = 0

    public init() {}

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        totalBytes &+= UInt64(remaining)

        if pendingCount > 0 {
            let taken = min(64 - pendingCount, remaining)
            pending.withBytes { $0.baseAddress!.advanced(by: pendingCount).copyMemory(from: source, byteCount: taken) }
            pendingCount += taken
            source += taken
            remaining -= taken
            guard pendingCount == 64 else { return }
            pending.withBytes { SHA256.compress(&state, blocks: UnsafeRawPointer($0.baseAddress!), count: 1) }
            pendingCount = 0
        }

        let wholeBlocks = remaining / 64
        if wholeBlocks > 0 {
            SHA256.compress(&state, blocks: source, count: wholeBlocks)
            source += wholeBlocks * 64
            remaining -= wholeBlocks * 64
        }
        if remaining > 0 {
            pending.withBytes { $0.baseAddress!.copyMemory(from: source, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    /// The 32-byte digest. Does not change `self`, so a running hash can be
    /// read and then extended.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = totalBytes &* 8
        // Padding: 0x80, zeros up to 56 mod 64, then the bit length big-endian.
        var padding = [UInt8](repeating: 0, count: pendingCount < 56 ? 64 - pendingCount : 128 - pendingCount)
        padding[0] = 0x80
        for index in 0..<8 {
            padding[padding.count - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(index)))
        }
        padding.withUnsafeBytes { copy.updateWithoutCounting($0) }
        let words = [copy.state.h0, copy.state.h1, copy.state.h2, copy.state.h3,
                     copy.state.h4, copy.state.h5, copy.state.h6, copy.state.h7]
        return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
    }

    /// Lowercase hexadecimal, the form `sha256sum` prints.
    public static func hex(_ data: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(data.count * 2)
        for byte in data {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// One-shot digest of a byte array, as lowercase hex.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hex(hasher.finalize())
    }

    /// Hashes a file in large reads so a gibibyte costs no more memory than one buffer.
    public static func hash(fileAt path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SHA256FileError(path: path, errno: errno) }
        defer { close(descriptor) }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw SHA256FileError(path: path, errno: errno)
            }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return hex(hasher.finalize())
    }

    /// Feeds padding without adding it to the message length.
    private mutating func updateWithoutCounting(_ bytes: UnsafeRawBufferPointer) {
        let savedTotal = totalBytes
        update(bytes)
        totalBytes = savedTotal
    }
}

/// Raised by `SHA256.hash(fileAt:)` when the file cannot be opened or read.
public struct SHA256FileError: Error, CustomStringConvertible {
    public let path: String
    public let errno: Int32
    public var description: String { "cannot hash \(path): \(String(cString: strerror(errno)))" }
}
