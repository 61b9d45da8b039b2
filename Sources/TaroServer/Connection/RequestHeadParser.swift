/// Turns the bytes of a request head into a `RequestHead`. Lenient where
/// real clients vary (bare LF line ends, spacing) and strict where a wrong
/// guess would desynchronise the connection.
enum RequestHeadParser {
    static func parse(_ bytes: [UInt8]) throws -> RequestHead {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { throw HTTPRequestError.malformed("empty request") }

        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard parts.count == 3 else { throw HTTPRequestError.malformed("request line") }
        let version = text(parts[2])
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw HTTPRequestError.malformed("unsupported version \(version)")
        }

        var headers: [HeaderField] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                throw HTTPRequestError.malformed("header line without a name")
            }
            let name = text(line[line.startIndex..<colon])
            guard !name.contains(" "), !name.contains("\t") else {
                throw HTTPRequestError.malformed("space in header name")
            }
            headers.append(HeaderField(name: name, value: text(line[(colon + 1)...]).trimmingSpaces))
        }
        return RequestHead(method: text(parts[0]), target: text(parts[1]), version: version, headers: headers)
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
