import Foundation

/// The digests a server states for the whole representation: RFC 9530's
/// `Repr-Digest: sha-256=:BASE64:` and RFC 3230's `Digest: SHA-256=BASE64`.
/// Both describe the full file even in a 206 response, so a resumed
/// download is checked against them as a whole. `Content-Digest` is not
/// read: it covers only the bytes of this one response.
enum ServerDigest {
    static func checksums(in fields: [HTTPExchange.Field]) -> [Checksum] {
        var found: [Checksum] = []
        for field in fields {
            guard ASCIICase.equal(field.name, "repr-digest") || ASCIICase.equal(field.name, "digest") else { continue }
            for member in field.value.split(separator: ",") {
                guard let equals = member.firstIndex(of: "=") else { continue }
                let key = member[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                var encoded = member[member.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                // Structured fields wrap byte sequences in colons; Digest does not.
                if encoded.hasPrefix(":"), encoded.hasSuffix(":"), encoded.count >= 2 {
                    encoded = String(encoded.dropFirst().dropLast())
                }
                guard let algorithm = algorithm(key), let digest = Data(base64Encoded: encoded),
                      digest.count == algorithm.length else { continue }
                let checksum = Checksum(algorithm: algorithm, digest: [UInt8](digest))
                if !found.contains(where: { $0.algorithm == algorithm }) { found.append(checksum) }
            }
        }
        return found
    }

    private static func algorithm(_ key: String) -> Checksum.Algorithm? {
        switch key {
        case "sha-256": return .sha256
        case "sha-512": return .sha512
        case "md5": return .md5
        default: return nil
        }
    }
}
