import CCurl

/// How the engine's one multi handle treats connections: HTTP/2 streams of
/// one origin share a connection, and no host gets more than a set number
/// of connections however many transfers ask.
enum MultiHandleOptions {
    /// Streams curl puts on one HTTP/2 connection before it opens another.
    /// OriginGate keeps an origin's transfers below curl's default of 100;
    /// the helpers of segmented downloads come on top and must not push a
    /// connection over it. A server that allows fewer streams still has the
    /// last word (curl honours its SETTINGS).
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
