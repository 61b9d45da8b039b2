import Foundation

/// The digest a downloaded file must have, as a person writes it:
/// `sha256=HEX`, `sha512=HEX` or `md5=HEX` (md5 only for old mirrors that
/// publish nothing better). A file that does not match never gets its
/// final name.
public struct Checksum: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        case sha256, sha512, md5

        /// The digest's length in bytes.
        public var length: Int {
            switch self {
            case .sha256: return 32
            case .sha512: return 64
            case .md5: return 16
            }
        }
    }

    public let algorithm: Algorithm
    public let digest: [UInt8]

    public init(algorithm: Algorithm, digest: [UInt8]) {
        self.algorithm = algorithm
        self.digest = digest
    }

    /// Why a checksum's text was refused, in words a person can act on.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Parses `sha256=HEX` (the algorithm's name is case-insensitive, and
    /// `sha-256` is accepted too); the hex must have the algorithm's length.
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let equals = trimmed.firstIndex(of: "=") else {
            throw ParseError(description: "checksum wants ALGORITHM=HEX (sha256, sha512 or md5), not \(trimmed)")
        }
        let name = trimmed[..<equals].lowercased().replacingOccurrences(of: "-", with: "")
        guard let algorithm = Algorithm(rawValue: name) else {
            throw ParseError(description: "unknown checksum algorithm \(trimmed[..<equals]) (sha256, sha512 or md5)")
        }
        let hex = trimmed[trimmed.index(after: equals)...]
        guard let digest = Self.bytes(hex: hex), digest.count == algorithm.length else {
            throw ParseError(description: "\(algorithm.rawValue) wants \(algorithm.length * 2) hex digits, not \(hex)")
        }
        self.init(algorithm: algorithm, digest: digest)
    }

    /// `sha256=0a1b…`, the form it is written in.
    public var description: String { algorithm.rawValue + "=" + Self.hex(digest) }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let high = PathText.hexValue(digits[i]), let low = PathText.hexValue(digits[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }
}
