/// A running `Taro.downloadFile`: abort it, listen to its headers and
/// progress, or await its result.
public final class DownloadTask: TaroTask<DownloadFileResult, DownloadProgressResult>, @unchecked Sendable {
    // Restated, as Swift requires; see TaroTask for why it is unchecked.
    /// Listens for progress, about ten times a second and once more at 100%.
    @discardableResult
    public func onProgressUpdate(_ listener: @escaping @Sendable (DownloadProgressResult) throws -> Void) -> ListenerToken {
        hub.add(listener, to: hub.progressListeners)
    }

    /// Progress as a stream that ends once the task settles. A consumer
    /// slower than the events gets the newest one (the last is 100% on
    /// success); started late, it begins with the latest progress.
    public var progressUpdates: AsyncStream<DownloadProgressResult> {
        hub.stream(of: hub.progressListeners, buffering: .bufferingNewest(1))
    }

    /// Removes one progress listener, or every one when called without a token.
    public func offProgressUpdate(_ token: ListenerToken? = nil) {
        hub.progressListeners.remove(token)
    }

    /// Chainable alias of `onHeadersReceived`.
    @discardableResult
    public func headersReceived(_ listener: @escaping @Sendable (HeadersReceivedResult) throws -> Void) -> DownloadTask {
        onHeadersReceived(listener)
        return self
    }

    /// Chainable alias of `onProgressUpdate`.
    @discardableResult
    public func progress(_ listener: @escaping @Sendable (DownloadProgressResult) throws -> Void) -> DownloadTask {
        onProgressUpdate(listener)
        return self
    }
}
