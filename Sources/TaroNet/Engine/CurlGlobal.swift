import CCurl
import CReceiveBuffers
import CSystem
import Glibc

/// libcurl's process-wide initialisation, done once before any engine thread
/// starts. SIGPIPE is ignored because a peer closing a socket mid-write must
/// become an error code, not kill the process.
///
/// glibc's mmap threshold is pinned at its starting 128 KiB. Left alone,
/// glibc raises it to the size of the first large block freed (curl's
/// 512 KiB receive buffer, a 1 MiB write block), and from then on those
/// come from the heap: a freed buffer's touched pages stay resident, and
/// the next one, placed elsewhere in the freed space, touches new ones.
/// 200 HTTP/2 streams of 16 KiB files (W7) ended with 9 MiB of heap for
/// buffers that each held 16 KiB. Pinned, every such buffer is its own
/// mapping: only the pages a transfer writes are resident, and all of
/// them go back when it ends.
///
/// curl's own receive buffers do not pay that mmap and munmap per transfer:
/// curl allocates through `CReceiveBuffers`' hooks, which lend them from a
/// pool that stays mapped (see receive_buffers.h).
enum CurlGlobal {
    static let mmapThreshold: Int32 = 128 * 1024

    private static let initialized: Bool = {
        signal(SIGPIPE, SIG_IGN)
        _ = taro_pin_mmap_threshold(mmapThreshold)
        // curl asks for CURLOPT_BUFFERSIZE + 1 bytes (room for a terminating zero).
        taro_receive_buffers_configure(EasyTransfer.receiveBufferSize + 1)
        return curl_global_init_mem(Int(CURL_GLOBAL_ALL), taro_receive_buffers_malloc, taro_receive_buffers_free,
                                    taro_receive_buffers_realloc, taro_receive_buffers_strdup,
                                    taro_receive_buffers_calloc) == CURLE_OK
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
