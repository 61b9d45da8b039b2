import CCurl

/// The caches every transfer of one engine has in common: resolved names,
/// TLS sessions (a new connection to a known server resumes its session
/// instead of a full handshake), open connections and cookies (so a cookie
/// jar sees what every transfer received).
///
/// No lock callbacks are installed, on purpose: curl locks a share only to
/// guard it between threads, and every easy handle that uses this one lives
/// on the engine thread (EngineLoop is confined to it), as does the cleanup.
/// Locks would cost a call per cache access and guard nothing.
// @unchecked: created on the caller's thread before the engine thread starts,
// then touched only by the engine thread.
final class CurlShare: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    init() {
        guard let handle = curl_share_init() else { fatalError("curl_share_init failed") }
        self.handle = handle
        for data in [CURL_LOCK_DATA_DNS, CURL_LOCK_DATA_SSL_SESSION, CURL_LOCK_DATA_CONNECT, CURL_LOCK_DATA_COOKIE] {
            // A libcurl built without one of these caches refuses it; the
            // others are still shared, which is all that is lost.
            _ = taro_share_add(handle, data)
        }
    }

    /// Last, after the multi handle and every easy handle are gone: curl
    /// refuses to free a share still in use.
    func cleanup() {
        assert(EngineThread.isCurrent, "share handle freed off the engine thread")
        curl_share_cleanup(handle)
    }
}
