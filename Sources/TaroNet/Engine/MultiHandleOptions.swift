import CCurl

/// How the engine's one multi handle treats connections: HTTP/2 streams of
/// one origin share a connection, and no host gets more than a set number
/// of connections however many transfers ask.
enum MultiHandleOptions {
    /// Streams curl puts on one HTTP/2 connection before it opens another.
    /// curl's 100 is below what the scheduler may run to one host (-j 256):
    /// the transfers past it would each open a connection of their own while
    /// a second one is still in its handshake. A server that allows fewer
    /// streams holds the rest in nghttp2's queue on the same connection.
    static let maxStreamsPerConnection = 1000

    static func apply(to multi: UnsafeMutableRawPointer, maxHostConnections: Int) {
        // curl's default since 7.62, said here because everything below
        // (PIPEWAIT, the segment plan over HTTP/2) depends on it.
        taro_multi_setopt_long(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX)
        taro_multi_setopt_long(multi, CURLMOPT_MAX_CONCURRENT_STREAMS, maxStreamsPerConnection)
        if maxHostConnections > 0 {
            // Past the cap a transfer waits inside curl for a connection (or a
            // free HTTP/2 stream) instead of opening one more.
            taro_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxHostConnections)
        }
    }
}
