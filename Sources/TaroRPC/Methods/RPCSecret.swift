import Foundation

/// The shared secret a client must send as `token:SECRET`. Compared in
/// constant time: how long the comparison takes says nothing about how
/// much of a guess was right.
public struct RPCSecret: Sendable {
    let bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }

    /// 32 random bytes as 64 hex digits, from the system's generator.
    public static func generate() -> RPCSecret {
        var generator = SystemRandomNumberGenerator()
        let text = (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        return RPCSecret(text)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// True when `candidate` is the secret. Every byte of the longer of the
    /// two is looked at, whatever the first difference.
    public func matches(_ candidate: String) -> Bool {
        let given = Array(candidate.utf8)
        var difference = UInt8(given.count == bytes.count ? 0 : 1)
        let length = max(given.count, bytes.count)
        for i in 0..<length {
            let a = i < given.count ? given[i] : 0
            let b = i < bytes.count ? bytes[i] : 0xff
            difference |= a ^ b
        }
        return difference == 0 && !bytes.isEmpty
    }
}
