import CCurl
import Foundation

extension EasyTransfer {
    /// Turns curl's result into an outcome: the file gets its final name, the
    /// last progress event says 100%, and the exchange gets its timings.
    func complete(_ code: CURLcode) -> Completion {
        let profile = recordLiveDetails()
        if alreadyComplete, stopReason == nil, let sink {
            // A 416 confirmed that every byte is already on disk.
            let total = resumeBase
            lastDone = -1
            emitProgress(done: total, total: total, now: DispatchTime.now().uptimeNanoseconds)
            core.update { $0.statusCode = 200 }
            return .finalize(sink, TransferResponse(
                statusCode: 200, fields: responses.last?.fields ?? [], body: [], filePath: nil,
                bodyBytes: total, exchange: core.snapshot().exchange, profile: profile))
        }
        if let stopReason { return keepOrDiscardPartial(stopReason) }
        guard code == CURLE_OK else { return keepOrDiscardPartial(failure(for: code)) }
        var status: Int = 0
        taro_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        if !finalHeadersDelivered { deliverFinalHeaders(responses.last) }
        // The closing progress event: everything moved, and (now that it is
        // known) the total equals what moved, so it reads 100%.
        let moved = isUpload ? profile.bytesSent : resumeBase + bodyBytes
        lastDone = -1
        emitProgress(done: moved, total: moved, now: DispatchTime.now().uptimeNanoseconds)
        if resumeBase > 0 && status == 206 {
            status = 200
            core.update { $0.statusCode = 200 }
        }
        let response = TransferResponse(
            statusCode: status,
            fields: responses.last?.fields ?? [],
            body: memoryBytes,
            filePath: nil,
            bodyBytes: resumeBase + bodyBytes,
            exchange: core.snapshot().exchange,
            profile: profile)
        if let sink { return .finalize(sink, response) }
        return .done(.success(response))
    }

    private var memoryBytes: [UInt8] {
        if case .memory(let body) = destination { return body.bytes }
        return []
    }

    /// Copies timings, effective URL, peer and HTTP version into the
    /// exchange the header pane shows; called while running and at the end.
    @discardableResult
    func recordLiveDetails() -> TransferProfile {
        let profile = readProfile()
        let effective = readString(CURLINFO_EFFECTIVE_URL).map(URLRedaction.withoutUserinfo)
        core.update {
            $0.exchange.timings = HTTPExchange.Timings(
                nameLookup: profile.nameLookup, connect: profile.connect, tlsHandshake: profile.tlsHandshake,
                firstByte: profile.firstByte, total: profile.total)
            $0.exchange.effectiveURL = effective
            $0.exchange.remoteAddress = profile.remoteAddress.isEmpty ? nil : profile.remoteAddress
            $0.exchange.httpVersion = profile.httpVersion.isEmpty ? nil : profile.httpVersion
        }
        return profile
    }

    /// A transfer that may be resumed keeps its synced .part after a
    /// transient failure; otherwise the partial file goes.
    func keepOrDiscardPartial(_ failure: TransferFailure) -> Completion {
        if spec.keepPartial, failure.isTransient || failure == .timeout || failure.keepsPartial {
            return suspend(failure)
        }
        sink?.discard()
        return .done(.failure(failure))
    }

    private func failure(for code: CURLcode) -> TransferFailure {
        let detail = String(cString: errorBuffer)
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING,
             CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_COULDNT_RESOLVE_HOST:
            return .transient(text, retryAfter: nil)
        case CURLE_OPERATION_TIMEDOUT where spec.stallSeconds > 0 && spec.timeoutMilliseconds == 0:
            return .transient("stalled: \(text)", retryAfter: nil)
        case CURLE_OUT_OF_MEMORY where !finalHeadersDelivered:
            // curl refuses a single header line over 100 KiB this way.
            return .message("response header line too large")
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_ABORTED_BY_CALLBACK:
            return .aborted
        case CURLE_PEER_FAILED_VERIFICATION:
            return .message(TLSFailureText.untrusted(text))
        case CURLE_SSL_CACERT_BADFILE:
            return .message(TLSFailureText.unreadableCA(text))
        default:
            return .message(text)
        }
    }

    /// "HTTP/1.1 503 Service Unavailable" → "HTTP 503 Service Unavailable",
    /// transient for the statuses worth retrying, with Retry-After.
    func httpFailure(_ response: HTTPExchange.Response) -> TransferFailure {
        let rest = response.statusLine.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)
        let message = "HTTP " + (rest ?? String(response.statusCode))
        if [408, 429, 500, 502, 503, 504].contains(response.statusCode) {
            return .transient(message, retryAfter: response.value(of: "Retry-After").flatMap(RetryAfter.seconds))
        }
        return .message(message)
    }

    private func readString(_ info: CURLINFO) -> String? {
        var ptr: UnsafeMutablePointer<CChar>?
        guard taro_easy_getinfo_string(handle, info, &ptr) == CURLE_OK, let ptr else { return nil }
        return String(cString: ptr)
    }

    private func readOff(_ info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        taro_easy_getinfo_off(handle, info, &value)
        return Int64(value)
    }

    private func readLong(_ info: CURLINFO) -> Int {
        var value: Int = 0
        taro_easy_getinfo_long(handle, info, &value)
        return value
    }

    func readProfile() -> TransferProfile {
        var p = TransferProfile()
        p.nameLookup = Double(readOff(CURLINFO_NAMELOOKUP_TIME_T)) / 1e6
        p.connect = Double(readOff(CURLINFO_CONNECT_TIME_T)) / 1e6
        p.tlsHandshake = Double(readOff(CURLINFO_APPCONNECT_TIME_T)) / 1e6
        p.firstByte = Double(readOff(CURLINFO_STARTTRANSFER_TIME_T)) / 1e6
        p.total = Double(readOff(CURLINFO_TOTAL_TIME_T)) / 1e6
        p.bytesReceived = readOff(CURLINFO_SIZE_DOWNLOAD_T)
        p.bytesSent = readOff(CURLINFO_SIZE_UPLOAD_T)
        p.downloadSpeed = Double(readOff(CURLINFO_SPEED_DOWNLOAD_T))
        p.uploadSpeed = Double(readOff(CURLINFO_SPEED_UPLOAD_T))
        if let ip = readString(CURLINFO_PRIMARY_IP), !ip.isEmpty {
            let port = readLong(CURLINFO_PRIMARY_PORT)
            p.remoteAddress = ip.utf8.contains(UInt8(ascii: ":")) ? "[\(ip)]:\(port)" : "\(ip):\(port)"
        }
        switch readLong(CURLINFO_HTTP_VERSION) {
        case CURL_HTTP_VERSION_1_0: p.httpVersion = "HTTP/1.0"
        case CURL_HTTP_VERSION_1_1: p.httpVersion = "HTTP/1.1"
        case CURL_HTTP_VERSION_2_0: p.httpVersion = "HTTP/2"
        case 30: p.httpVersion = "HTTP/3"
        default: p.httpVersion = ""
        }
        p.reusedConnection = readLong(CURLINFO_NUM_CONNECTS) == 0
        return p
    }
}
