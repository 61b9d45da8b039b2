import CCurl
import Foundation

extension EasyTransfer {
    /// Turns curl's result into an outcome: the file gets its final name, the
    /// last progress event says 100%, and the exchange gets its timings.
    func complete(_ code: CURLcode) -> Completion {
        let profile = recordLiveDetails()
        if let stopReason {
            sink?.discard()
            return .done(.failure(stopReason))
        }
        guard code == CURLE_OK else {
            sink?.discard()
            return .done(.failure(failure(for: code)))
        }
        var status: Int = 0
        taro_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        if !finalHeadersDelivered { deliverFinalHeaders(responses.last) }
        // The closing progress event: everything moved, and (now that it is
        // known) the total equals what moved, so it reads 100%.
        let moved = isUpload ? profile.bytesSent : bodyBytes
        lastDone = -1
        emitProgress(done: moved, total: moved, now: DispatchTime.now().uptimeNanoseconds)
        let response = TransferResponse(
            statusCode: status,
            fields: responses.last?.fields ?? [],
            body: memoryBody,
            filePath: nil,
            bodyBytes: bodyBytes,
            exchange: core.snapshot().exchange,
            profile: profile)
        if let sink { return .finalize(sink, response) }
        return .done(.success(response))
    }

    /// Copies timings, effective URL, peer and HTTP version into the
    /// exchange the header pane shows; called while running and at the end.
    @discardableResult
    func recordLiveDetails() -> TransferProfile {
        let profile = readProfile()
        let effective = readString(CURLINFO_EFFECTIVE_URL).map(URLRedaction.redacted)
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

    private func failure(for code: CURLcode) -> TransferFailure {
        switch code {
        case CURLE_HTTP_RETURNED_ERROR:
            // "HTTP/1.1 404 Not Found" → "HTTP 404 Not Found"
            let line = responses.last?.statusLine ?? ""
            let rest = line.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)
            return .message("HTTP " + (rest ?? "error"))
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_ABORTED_BY_CALLBACK:
            return .aborted
        default:
            let detail = String(cString: errorBuffer)
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .message(text)
        }
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
            p.remoteAddress = ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
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
