import CCurl

/// Puts a transfer's wire options (TLS trust, proxy, credentials, cookies,
/// client name, connect timeout, HTTP version) on its easy handle, together
/// with what makes transfers of one origin share a connection: the engine's
/// share handle and PIPEWAIT.
enum EasyHandleOptions {
    /// How long the parsed CA store is kept for the next handshake: loading
    /// a system bundle costs milliseconds of OpenSSL time per connection.
    static let caCacheSeconds = 3600

    static func apply(_ spec: TransferSpec, to h: UnsafeMutableRawPointer, share: CurlShare?) throws(TransferFailure) {
        let wire = spec.wire
        func set(_ option: CURLoption, _ value: String, _ what: String) throws(TransferFailure) {
            let code = taro_easy_setopt_string(h, option, value)
            if code != CURLE_OK {
                throw .message("\(what): \(String(cString: curl_easy_strerror(code)))")
            }
        }
        if let share { taro_easy_setopt_share(h, share.handle) }
        // A new transfer to an origin whose connection is still being set up
        // waits to learn whether it speaks HTTP/2, and then runs as one more
        // stream on it, instead of opening (and handshaking) a connection of
        // its own. Only over TLS, where ALPN settles the question during the
        // handshake: on plain http this libcurl never learns that the first
        // connection cannot multiplex, and every other transfer to the host
        // waited for the first one to end (a 1 GiB download held six others).
        if OriginGate.origin(of: spec) != nil { taro_easy_setopt_long(h, CURLOPT_PIPEWAIT, 1) }
        // libcurl 7.87 and later keep the CA store in the multi handle for
        // this long; an older one answers "unknown option", which changes nothing.
        _ = taro_easy_setopt_long(h, CURLOPT_CA_CACHE_TIMEOUT, caCacheSeconds)

        let verify = spec.verifyTLS && !wire.insecure
        taro_easy_setopt_long(h, CURLOPT_SSL_VERIFYPEER, verify ? 1 : 0)
        taro_easy_setopt_long(h, CURLOPT_SSL_VERIFYHOST, verify ? 2 : 0)
        if let file = wire.caFile { try set(CURLOPT_CAINFO, file, "--cacert") }
        if let directory = wire.caPath { try set(CURLOPT_CAPATH, directory, "--capath") }

        if let proxy = wire.proxy { try set(CURLOPT_PROXY, proxy, "--proxy") }
        if let hosts = wire.noProxy { try set(CURLOPT_NOPROXY, hosts, "--noproxy") }

        // Credentials stay with the host they were given for: never sent on
        // after a redirect to another host, port or scheme.
        taro_easy_setopt_long(h, CURLOPT_UNRESTRICTED_AUTH, 0)
        if let credentials = wire.credentials {
            try set(CURLOPT_USERNAME, credentials.user, "-u")
            try set(CURLOPT_PASSWORD, credentials.password, "-u")
        }
        if case .optional(let file) = wire.netrc {
            taro_easy_setopt_long(h, CURLOPT_NETRC, Int(CURL_NETRC_OPTIONAL.rawValue))
            if let file { try set(CURLOPT_NETRC_FILE, file, "--netrc-file") }
        }

        if let cookie = wire.cookie {
            // As curl's -b: text with '=' is the cookies themselves, anything
            // else names a file to read them from.
            if cookie.contains("=") {
                try set(CURLOPT_COOKIE, cookie, "-b")
                try set(CURLOPT_COOKIEFILE, "", "-b")
            } else {
                try set(CURLOPT_COOKIEFILE, cookie, "-b")
            }
        }
        if let jar = wire.cookieJar {
            // The jar needs the cookie engine on, even with nothing to read.
            if wire.cookie == nil { try set(CURLOPT_COOKIEFILE, "", "-c") }
            try set(CURLOPT_COOKIEJAR, jar, "-c")
        }

        if let agent = wire.userAgent { try set(CURLOPT_USERAGENT, agent, "--user-agent") }
        if let ms = wire.connectTimeoutMilliseconds {
            taro_easy_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, ms)
        }
        switch wire.httpVersion {
        case .automatic: break
        case .http1_1: taro_easy_setopt_long(h, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        case .http2: taro_easy_setopt_long(h, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2_0))
        }
    }
}
