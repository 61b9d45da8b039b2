/// The mutable state shared by the accept thread, connection threads and
/// the owner, always accessed under `ServerCore`'s mutex.
struct ServerState {
    var resources: [String: ServedResource] = [:]
    /// Requests counted per key, for routes that fail the first N times.
    var hits: [String: Int] = [:]
    var requestLog: [LoggedRequest] = []
    var uploads: [UploadRecord] = []
    var currentRequests = 0
    var peakConcurrentRequests = 0
    /// Sockets of live connections, so `stop()` can shut them down and wake
    /// their threads out of blocking calls.
    var openConnections: Set<Int32> = []
    /// Threads (accept loop and connections) that have not yet finished;
    /// `stop()` waits for this to reach zero.
    var liveThreads = 0
    /// The listening socket, or -1 once the accept loop closed it.
    var listener: Int32
}
