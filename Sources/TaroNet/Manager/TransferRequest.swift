/// What the user asked for, kept so that a failed or aborted transfer can
/// be started again as it was.
package enum TransferRequest: Sendable, Equatable, Codable {
    case download(url: String, path: String, headers: [String: String])
    case upload(filePath: String, url: String, fieldName: String, put: Bool, headers: [String: String])
}
