import CCurl
import Foundation

extension EasyTransfer {
    /// Receive buffer handed to curl: fewer, larger write callbacks save most
    /// of the system time of a fast download.
    static let receiveBufferSize = 512 * 1024
    /// Send buffer: curl's own 64 KiB. Each piece is copied twice (read
    /// into the buffer, then into the socket); a buffer that stays in the
    /// CPU's cache makes both copies cheap. With 512 KiB a 1 GiB PUT cost
    /// 0.70 s of system time against 0.45 s with 64 KiB (W4, three pairs).
    static let sendBufferSize = 64 * 1024

    func configure() throws(TransferFailure) {
        let h = handle
        let me = Unmanaged.passUnretained(self).toOpaque()
        func check(_ code: CURLcode, _ what: String) throws(TransferFailure) {
            if code != CURLE_OK {
                throw .message("\(what): \(String(cString: curl_easy_strerror(code)))")
            }
        }
        taro_easy_setopt_pointer(h, CURLOPT_PRIVATE, me)
        taro_easy_setopt_pointer(h, CURLOPT_ERRORBUFFER, errorBuffer)
        try check(taro_easy_setopt_string(h, CURLOPT_URL, spec.url), "invalid url")
        // No signals from a worker thread; only http and https, redirects included.
        taro_easy_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        taro_easy_setopt_string(h, CURLOPT_PROTOCOLS_STR, "http,https")
        taro_easy_setopt_string(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        taro_easy_setopt_long(h, CURLOPT_FOLLOWLOCATION, spec.followRedirects ? 1 : 0)
        taro_easy_setopt_long(h, CURLOPT_MAXREDIRS, spec.maxRedirects)
        taro_easy_setopt_long(h, CURLOPT_BUFFERSIZE, Self.receiveBufferSize)
        taro_easy_setopt_long(h, CURLOPT_TCP_KEEPALIVE, 1)
        taro_easy_setopt_long(h, CURLOPT_TIMEOUT_MS, spec.timeoutMilliseconds)
        taro_easy_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, spec.connectTimeoutMilliseconds)
        taro_easy_setopt_string(h, CURLOPT_USERAGENT, "taro-tui/\(TaroVersion.string)")
        // Rate caps are the scheduler's (`BandwidthShares`), applied by `EngineLoop.setSpeedCap`.
        if spec.stallSeconds > 0 {
            taro_easy_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, 1)
            taro_easy_setopt_long(h, CURLOPT_LOW_SPEED_TIME, spec.stallSeconds)
        }
        if spec.acceptEncoding {
            taro_easy_setopt_string(h, CURLOPT_ACCEPT_ENCODING, "")
        }
        // TLS trust, credentials, proxy, cookies, user agent, HTTP version,
        // and what lets transfers of one origin share a connection.
        try EasyHandleOptions.apply(spec, to: h, share: context.share)

        taro_easy_setopt_data_callback(h, CURLOPT_WRITEFUNCTION, easyWriteCallback)
        taro_easy_setopt_pointer(h, CURLOPT_WRITEDATA, me)
        taro_easy_setopt_data_callback(h, CURLOPT_HEADERFUNCTION, easyHeaderCallback)
        taro_easy_setopt_pointer(h, CURLOPT_HEADERDATA, me)
        taro_easy_setopt_long(h, CURLOPT_NOPROGRESS, 0)
        taro_easy_setopt_xferinfo(h, easyProgressCallback)
        taro_easy_setopt_pointer(h, CURLOPT_XFERINFODATA, me)
        // The debug callback is how we see the request headers curl really
        // sent; it needs VERBOSE, and ignores everything but HEADER_OUT.
        if spec.captureRequestHeaders {
            taro_easy_setopt_long(h, CURLOPT_VERBOSE, 1)
            taro_easy_setopt_debug(h, easyDebugCallback)
            taro_easy_setopt_pointer(h, CURLOPT_DEBUGDATA, me)
        }

        try configureMethodAndBody()
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in spec.headers + extraHeaders {
            // "Name;" is curl's way to send a header with an empty value.
            let line = value.isEmpty ? "\(name);" : "\(name): \(value)"
            list = curl_slist_append(list, line)
        }
        headerList = list
        if let list { taro_easy_setopt_slist(h, CURLOPT_HTTPHEADER, list) }
    }

    private func configureMethodAndBody() throws(TransferFailure) {
        let h = handle
        let method = spec.method.uppercased()
        switch spec.body {
        case .none:
            if method == "HEAD" {
                taro_easy_setopt_long(h, CURLOPT_NOBODY, 1)
            } else if method != "GET" {
                taro_easy_setopt_string(h, CURLOPT_CUSTOMREQUEST, method)
            }
        case .bytes(let bytes):
            taro_easy_setopt_off(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count))
            // COPYPOSTFIELDS copies: the array need not outlive this call.
            if bytes.isEmpty {
                taro_easy_setopt_string(h, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                bytes.withUnsafeBufferPointer { buffer in
                    _ = taro_easy_setopt_pointer(h, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress!))
                }
            }
            if method != "POST" { taro_easy_setopt_string(h, CURLOPT_CUSTOMREQUEST, method) }
        case .file(let path):
            let reader = try UploadFileReader(path: path)
            uploadFile = reader
            taro_easy_setopt_long(h, CURLOPT_UPLOAD, 1)
            taro_easy_setopt_off(h, CURLOPT_INFILESIZE_LARGE, curl_off_t(reader.size))
            taro_easy_setopt_data_callback(h, CURLOPT_READFUNCTION, easyReadCallback)
            taro_easy_setopt_pointer(h, CURLOPT_READDATA, Unmanaged.passUnretained(self).toOpaque())
            taro_easy_setopt_long(h, CURLOPT_UPLOAD_BUFFERSIZE, Self.sendBufferSize)
            if method != "PUT" { taro_easy_setopt_string(h, CURLOPT_CUSTOMREQUEST, method) }
        case .multipart(let filePath, let fieldName, let fileName, let fields):
            // Checked here so a missing file fails at once with a clear message;
            // curl itself streams the file from disk while sending.
            _ = try UploadFileReader(path: filePath)
            guard let mime = curl_mime_init(h) else { throw .message("curl_mime_init failed") }
            self.mime = mime
            for (name, value) in fields {
                let part = curl_mime_addpart(mime)
                curl_mime_name(part, name)
                curl_mime_data(part, value, value.utf8.count)
            }
            let part = curl_mime_addpart(mime)
            curl_mime_name(part, fieldName)
            let code = curl_mime_filedata(part, filePath)
            if code != CURLE_OK { throw .message("cannot read \(filePath): \(String(cString: curl_easy_strerror(code)))") }
            curl_mime_filename(part, fileName)
            taro_easy_setopt_mime(h, mime)
            taro_easy_setopt_long(h, CURLOPT_UPLOAD_BUFFERSIZE, Self.sendBufferSize)
            if method != "POST" { taro_easy_setopt_string(h, CURLOPT_CUSTOMREQUEST, method) }
        }
    }
}
