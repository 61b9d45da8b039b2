import Foundation

/// What the engine hands back when a transfer ends with a response.
struct TransferResponse: Sendable {
    var statusCode: Int
    /// Header fields of the final response, in order.
    var fields: [HTTPExchange.Field]
    /// The body, for transfers kept in memory.
    var body: [UInt8]
    /// Final path of a download written to disk.
    var filePath: String?
    var bodyBytes: Int64
    var exchange: HTTPExchange
    var profile: TransferProfile
}
