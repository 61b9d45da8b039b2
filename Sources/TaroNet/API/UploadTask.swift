/// A running `Taro.uploadFile`: abort it, listen to its headers and
/// progress, or await its result.
public final class UploadTask: TaroTask<UploadFileResult, UploadProgressResult>, @unchecked Sendable {
    /// Listens for progress, about ten times a second and once more at 100%.
    @discardableResult
    public func onProgressUpdate(_ listener: @escaping @Sendable (UploadProgressResult) throws -> Void) -> ListenerToken {
        hub.add(listener, to: hub.progressListeners)
    }

    /// Removes one progress listener, or every one when called without a token.
    public func offProgressUpdate(_ token: ListenerToken? = nil) {
        hub.progressListeners.remove(token)
    }

    /// Chainable alias of `onHeadersReceived`.
    @discardableResult
    public func headersReceived(_ listener: @escaping @Sendable (HeadersReceivedResult) throws -> Void) -> UploadTask {
        onHeadersReceived(listener)
        return self
    }

    /// Chainable alias of `onProgressUpdate`.
    @discardableResult
    public func progress(_ listener: @escaping @Sendable (UploadProgressResult) throws -> Void) -> UploadTask {
        onProgressUpdate(listener)
        return self
    }
}
