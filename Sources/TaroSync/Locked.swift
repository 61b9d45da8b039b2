#if TARO_TSAN
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a lock, with the interface of `Synchronization.Mutex`.
///
/// This variant exists for Thread Sanitizer builds only (`make sanitize`
/// passes `-DTARO_TSAN`): on Linux `Mutex` parks on a futex inside the
/// prebuilt Synchronization module, so TSan never sees the lock and reports
/// every guarded access as a race. A pthread mutex is intercepted by TSan,
/// so the happens-before edges are visible and a real race stands out.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only touched between lock and unlock of `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ initialValue: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        value = initialValue
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    public func withLock<Result, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
#else
import Synchronization

/// A value guarded by a lock: `Synchronization.Mutex` in every build but the
/// Thread Sanitizer one (see the `TARO_TSAN` branch above for why).
public typealias Locked<Value> = Mutex<Value>
#endif
