import CCrypto
import Foundation

/// SHA-256 computed by OpenSSL's libcrypto, the same code the client's
/// integrity check uses, so the server and the product agree by
/// construction and neither carries a hand-written hash. A value: copying
/// a running hasher copies its state (copy on write).
public struct SHA256: Sendable {
    /// Owns one EVP context; freed with the last copy that shares it.
    private final class Context: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { taro_digest_free(pointer) }
    }

    private var context: Context

    public init() {
        // libcrypto refuses SHA-256 only when it is broken beyond use.
        guard let ctx = taro_digest_new(Int32(TARO_DIGEST_SHA256)) else { fatalError("libcrypto has no SHA-256") }
        context = Context(ctx)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if !isKnownUniquelyReferenced(&context), let copy = taro_digest_copy(context.pointer) {
            context = Context(copy)
        }
        taro_digest_update(context.pointer, base, bytes.count)
    }

    /// The 32-byte digest. Does not change `self`, so a running hash can be
    /// read and then extended.
    public func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(taro_digest_max_size()))
        let length = out.withUnsafeMutableBufferPointer { taro_digest_peek(context.pointer, $0.baseAddress) }
        return Array(out.prefix(Int(length)))
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
}

/// Raised by `SHA256.hash(fileAt:)` when the file cannot be opened or read.
public struct SHA256FileError: Error, CustomStringConvertible {
    public let path: String
    public let errno: Int32
    public var description: String { "cannot hash \(path): \(String(cString: strerror(errno)))" }
}
