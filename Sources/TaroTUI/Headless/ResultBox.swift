import TaroSync

/// A result handed from a task to the waiting command thread.
final class ResultBox<T: Sendable>: Sendable {
    private let stored = Locked<Result<T, any Error>?>(nil)

    var value: Result<T, any Error>? { stored.withLock { $0 } }
    func set(_ result: Result<T, any Error>) { stored.withLock { $0 = result } }
}
