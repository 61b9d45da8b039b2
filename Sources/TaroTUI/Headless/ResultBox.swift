import Foundation

/// A result handed from a task to the waiting command thread.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, any Error>?

    var value: Result<T, any Error>? { lock.withLock { stored } }
    func set(_ result: Result<T, any Error>) { lock.withLock { stored = result } }
}
