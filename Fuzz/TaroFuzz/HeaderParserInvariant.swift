import TaroNet

/// The response-header parser, fed the input split into lines as curl's
/// header callback would: it counts every byte, gives a status code of 0 or
/// three digits, and every field it returns has a name without ':' or line
/// breaks.
enum HeaderParserInvariant {
    static func check(_ bytes: [UInt8]) {
        var parser = ResponseHeaderParser()
        var fed = 0
        var start = 0
        while start < bytes.count {
            let end = (bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 }) ?? bytes.count
            let line = Array(bytes[start..<end])
            fed += line.count
            let response = line.withUnsafeBytes { parser.feed($0) }
            if let response { verify(response) }
            if let current = parser.current { verify(current) }
            start = end
        }
        if parser.totalBytes != fed { violated("counted \(parser.totalBytes) of \(fed) bytes") }
    }

    private static func verify(_ response: HTTPExchange.Response) {
        let code = response.statusCode
        if code != 0 && !(100...999).contains(code) { violated("status code \(code) from \(response.statusLine.debugDescription)") }
        for field in response.fields {
            if field.name.contains(":") || field.name.contains("\n") || field.name.contains("\r") {
                violated("field name \(field.name.debugDescription)")
            }
        }
    }
}
