/// The headers of one multipart/form-data part, with the Content-Disposition
/// parameters that identify it (`name`, `filename`).
struct MultipartPartHeaders {
    var fields: [HeaderField] = []
    var name: String?
    var fileName: String?

    init(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = HeaderField(name: String(line[..<colon]).trimmingSpaces,
                                    value: String(line[line.index(after: colon)...]).trimmingSpaces)
            fields.append(field)
            if field.name.lowercased() == "content-disposition" {
                let parameters = Self.parameters(of: field.value)
                name = parameters["name"]
                fileName = parameters["filename"]
            }
        }
    }

    /// `form-data; name="a"; filename="b \"c\".bin"` → ["name": "a", "filename": "b \"c\".bin"].
    /// Quoted values may contain ';' and backslash escapes; keys are lowercased.
    static func parameters(of value: String) -> [String: String] {
        var result: [String: String] = [:]
        var characters = Substring(value)
        // Skip the disposition type.
        guard let firstSemicolon = characters.firstIndex(of: ";") else { return result }
        characters = characters[characters.index(after: firstSemicolon)...]

        while !characters.isEmpty {
            characters = characters.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = characters.firstIndex(of: "=") else { break }
            let key = characters[..<equals].trimmingSpaces.lowercased()
            characters = characters[characters.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            var parsed = ""
            if characters.first == "\"" {
                characters = characters.dropFirst()
                var escaped = false
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if escaped { parsed.append(character); escaped = false }
                    else if character == "\\" { escaped = true }
                    else if character == "\"" { break }
                    else { parsed.append(character) }
                }
                characters = characters.drop { $0 != ";" }
            } else {
                let end = characters.firstIndex(of: ";") ?? characters.endIndex
                parsed = characters[..<end].trimmingSpaces
                characters = characters[end...]
            }
            if result[key] == nil { result[key] = parsed }
        }
        return result
    }
}
