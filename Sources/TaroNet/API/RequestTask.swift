/// A running `Taro.request`: abort it, listen to its headers and to the body
/// as it arrives, or await its result.
public final class RequestTask: TaroTask<RequestResult, Never>, @unchecked Sendable {
    /// Listens for body bytes as they arrive (with `enableChunked`): every
    /// byte exactly once, in order, the first before the server sent the last.
    @discardableResult
    public func onChunkReceived(_ listener: @escaping @Sendable (ChunkReceivedResult) throws -> Void) -> ListenerToken {
        hub.chunkListeners.add(listener).token
    }

    /// Removes one chunk listener, or every one when called without a token.
    public func offChunkReceived(_ token: ListenerToken? = nil) {
        hub.chunkListeners.remove(token)
    }
}
