import Foundation

/// Which thread is an engine thread. Curl handles, the scheduler's state and
/// the transfers' buffers live there; blocking disk work (fsync) must never
/// run there, since one slow sync would stall every transfer.
enum EngineThread {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Marks the calling thread as an engine thread, for the rest of its life.
    static func markCurrent() {
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
    }

    static var isCurrent: Bool { pthread_getspecific(key) != nil }

    /// Debug builds stop at blocking disk work on an engine thread.
    @inline(__always)
    static func assertNotCurrent(_ what: @autoclosure () -> String) {
        assert(!isCurrent, "\(what()) on the engine thread")
    }
}
