import CCurl
import Glibc

/// libcurl's process-wide initialisation, done once before any engine thread
/// starts. SIGPIPE is ignored because a peer closing a socket mid-write must
/// become an error code, not kill the process.
enum CurlGlobal {
    private static let initialized: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()

    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed")
    }

    /// "libcurl/7.88.1 OpenSSL/3.0.19 …", for --version.
    static var versionDescription: String {
        ensureInitialized()
        return String(cString: curl_version())
    }
}
