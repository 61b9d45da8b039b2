/// What the user asked for, kept so that a failed or aborted transfer can
/// be started again as it was.
package enum TransferRequest: Sendable, Equatable, Codable {
    case download(url: String, path: String, headers: [String: String])
    // Boxed: an upload's five fields made every request (and every row of a
    // list of 100,000 downloads) 24 bytes larger, and uploads are few.
    indirect case upload(filePath: String, url: String, fieldName: String, put: Bool, headers: [String: String])
}
