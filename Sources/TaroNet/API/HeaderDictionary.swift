enum HeaderDictionary {
    /// Taro's `header` record. Lookups by another case of the name are the
    /// caller's concern, as in JavaScript; repeated fields are joined.
    static func make(_ fields: [HTTPExchange.Field]) -> [String: String] {
        var result: [String: String] = [:]
        var canonical: [String: String] = [:]
        for field in fields {
            let lower = field.name.lowercased()
            if let existing = canonical[lower] {
                result[existing]! += ", " + field.value
            } else {
                canonical[lower] = field.name
                result[field.name] = field.value
            }
        }
        return result
    }
}
