/// A response status line and header block, kept as raw byte lines so
/// scripted routes can emit anything — duplicated, malformed or hostile
/// header lines included.
struct ResponseHead {
    var status: Int
    private(set) var lines: [[UInt8]] = []

    init(status: Int) {
        self.status = status
    }

    mutating func add(_ name: String, _ value: String) {
        lines.append(Array("\(name): \(value)".utf8))
    }

    mutating func add(_ name: String, _ value: Int64) {
        add(name, String(value))
    }

    /// Appends a header line verbatim (no validation, no escaping); the CRLF is added.
    mutating func addRawLine(_ line: [UInt8]) {
        lines.append(line)
    }

    func contains(_ name: String) -> Bool {
        let prefix = Array(name.lowercased().utf8) + [UInt8(ascii: ":")]
        return lines.contains { line in
            line.count >= prefix.count && zip(line, prefix).allSatisfy { asciiLowercased($0) == $1 }
        }
    }

    func serialized() -> [UInt8] {
        var bytes = Array("HTTP/1.1 \(status) \(HTTPReasonPhrase.for(status))\r\n".utf8)
        bytes.reserveCapacity(bytes.count + lines.reduce(2) { $0 + $1.count + 2 })
        for line in lines {
            bytes.append(contentsOf: line)
            bytes.append(contentsOf: [13, 10])
        }
        bytes.append(contentsOf: [13, 10])
        return bytes
    }

    private func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }
}
