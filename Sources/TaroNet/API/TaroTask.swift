/// What every task has: abort, the header listeners, and `value` to await.
/// `DownloadTask`, `UploadTask` and `RequestTask` add their own events.
public class TaroTask<Success: Sendable, Progress: Sendable>: @unchecked Sendable {
    // @unchecked only because the class is not final (the three task kinds
    // subclass it), which rules out a checked conformance: every stored
    // property is a `let` of a Sendable type, and the subclasses add none.
    let hub: TaskHub<Success, Progress>
    let core: TransferCore?
    private let session: TaroSession?

    init(hub: TaskHub<Success, Progress>, core: TransferCore?, session: TaroSession?) {
        self.hub = hub
        self.core = core
        self.session = session
    }

    /// Identifies the transfer in snapshots; 0 for a task refused before it started.
    public var id: UInt64 { core?.id ?? 0 }

    /// Stops the task: `fail` with "<api>:fail abort", then `complete`, and
    /// awaiting callers get a `TaroError`. After the task settled it does nothing.
    public func abort() {
        guard let core, let session, !hub.isSettled else { return }
        session.scheduler.post(.abort(core.id))
    }

    /// Beyond Taro: holds the transfer where it is (a waiting one does not
    /// start) until `resume()`.
    public func pause() {
        guard let core, let session, !hub.isSettled else { return }
        session.scheduler.post(.pause(core.id))
    }

    /// Beyond Taro: continues a paused transfer.
    public func resume() {
        guard let core, let session, !hub.isSettled else { return }
        session.scheduler.post(.resume(core.id))
    }

    /// Listens for the final response's headers, which arrive before completion.
    @discardableResult
    public func onHeadersReceived(_ listener: @escaping @Sendable (HeadersReceivedResult) throws -> Void) -> ListenerToken {
        hub.add(listener, to: hub.headerListeners)
    }

    /// Removes one header listener, or every one when called without a token.
    public func offHeadersReceived(_ token: ListenerToken? = nil) {
        hub.headerListeners.remove(token)
    }

    /// The result, once the task settles; throws `TaroError` when it fails.
    /// Cancelling the Swift `Task` that awaits it aborts the transfer: `fail`
    /// with "<api>:fail abort", then `complete`, and this throws that error.
    public var value: Success {
        get async throws {
            try await withTaskCancellationHandler {
                try await hub.value()
            } onCancel: {
                self.abort()
            }
        }
    }

    /// The final response's headers as a stream: one element (none when the
    /// task fails before a response), then the stream ends once the task
    /// settles. Started late, it still gets headers that already came.
    public var headers: AsyncStream<HeadersReceivedResult> {
        hub.stream(of: hub.headerListeners, buffering: .unbounded)
    }

    /// The transfer as it is now: state, bytes, rate, headers and timings.
    public var snapshot: TransferSnapshot? { core?.snapshot() }
}
