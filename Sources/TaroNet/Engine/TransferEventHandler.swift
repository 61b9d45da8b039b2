/// The typed task behind a transfer: receives what the engine and the
/// scheduler observe, and delivers it to the user's listeners on its own
/// queue so that a slow listener only ever delays its own task.
protocol TransferEventHandler: AnyObject, Sendable {
    /// The final response's headers, once, before the transfer settles.
    func headersReceived(statusCode: Int, fields: [HTTPExchange.Field])
    /// Coalesced by the engine; `total` is 0 when unknown.
    func progressUpdated(done: Int64, total: Int64)
    /// Body bytes as they arrive, for requests that stream chunks.
    func chunkReceived(_ bytes: [UInt8])
    /// Exactly once, after every other event.
    func settled(_ outcome: TransferOutcome)
}
