import CCurl
import Foundation

extension EasyTransfer {
    /// curl's receive buffer once a connection is paced: one write callback's worth.
    static let pacedBufferSize = 16_384

    /// A callback refused bytes for the pacer: curl holds the connection
    /// paused until the engine loop lets it go (`releasePaced`).
    func holdForPacer() {
        pacedOut = true
    }

    /// Makes the socket's kernel buffer small, once, for a connection paced
    /// after it connected; called by the engine loop outside curl's callbacks
    /// (inside them, CURLINFO_ACTIVESOCKET answers -1 on this libcurl).
    ///
    /// Left to autotuning, a receive window grows to megabytes per connection
    /// while the transfer is paced, and the server pours that much in at
    /// once: the average stays right, but the wire sees bursts of several
    /// seconds' worth.
    func lockSocketBufferIfConnected() {
        guard !socketBufferLocked, pacer != nil else { return }
        var socket: curl_socket_t = -1
        guard taro_easy_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 else { return }
        lockSocketBuffer(socket)
    }

    /// A connection paced before it connects gets its small buffer before
    /// the first byte, so the window never grows.
    func lockSocketBufferAtConnect() {
        taro_easy_setopt_pointer(handle, CURLOPT_SOCKOPTDATA, Unmanaged.passUnretained(self).toOpaque())
        taro_easy_setopt_sockopt_callback(handle, easySockoptCallback)
    }

    fileprivate func lockSocketBuffer(_ socket: curl_socket_t) {
        guard !socketBufferLocked, let pacer else { return }
        socketBufferLocked = true
        // About an eighth of a second's worth (the kernel doubles it), within 4–256 KiB.
        var size = Int32(clamping: min(max(pacer.rate / 8, 4_096), 262_144))
        setsockopt(socket, SOL_SOCKET, isUpload ? SO_SNDBUF : SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }
}

/// curl's socket-options callback, set only on paced connections.
let easySockoptCallback: taro_sockopt_callback = { user, socket, _ in
    Unmanaged<EasyTransfer>.fromOpaque(user!).takeUnretainedValue().lockSocketBuffer(socket)
    return 0  // CURL_SOCKOPT_OK
}
