import Foundation

extension HTTPExchange.Response {
    /// First value of a field, case-insensitively.
    func value(of name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
