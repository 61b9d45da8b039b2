/// A running `Taro.request`: abort it, listen to its headers and to the body
/// as it arrives, or await its result.
public final class RequestTask: TaroTask<RequestResult, Never>, @unchecked Sendable {
    // Restated, as Swift requires; see TaroTask for why it is unchecked.
    /// Listens for body bytes as they arrive (with `enableChunked`): every
    /// byte exactly once, in order, the first before the server sent the last.
    @discardableResult
    public func onChunkReceived(_ listener: @escaping @Sendable (ChunkReceivedResult) throws -> Void) -> ListenerToken {
        hub.add(listener, to: hub.chunkListeners)
    }

    /// The body as it arrives (with `enableChunked`), as a stream that ends
    /// once the task settles: every byte exactly once, in order. The first
    /// listener or stream also gets the chunks that came before it.
    public var chunks: AsyncStream<ChunkReceivedResult> {
        hub.stream(of: hub.chunkListeners, buffering: .unbounded)
    }

    /// Removes one chunk listener, or every one when called without a token.
    public func offChunkReceived(_ token: ListenerToken? = nil) {
        hub.chunkListeners.remove(token)
    }
}
