import CCurl
import Foundation

// C callbacks cannot capture; each gets the EasyTransfer back from its user
// data. They run on the engine thread, inside curl_multi_perform, so they
// must never call back into the multi handle.

private func transfer(_ raw: UnsafeMutableRawPointer?) -> EasyTransfer {
    Unmanaged<EasyTransfer>.fromOpaque(raw!).takeUnretainedValue()
}

let easyWriteCallback: taro_data_callback = { data, size, count, user in
    let transfer = transfer(user)
    // Over its rate: curl keeps the bytes and stops reading the socket, so
    // the server is held back at the wire, until the loop lets it go on.
    if !transfer.isUpload, let pacer = transfer.pacer, !pacer.admit(size * count) {
        transfer.holdForPacer()
        return taro_writefunc_pause()
    }
    return transfer.receiveBody(UnsafeRawPointer(data!), size * count)
}

let easyHeaderCallback: taro_data_callback = { data, size, count, user in
    transfer(user).receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
}

let easyReadCallback: taro_data_callback = { data, size, count, user in
    let transfer = transfer(user)
    // Asks for at most what the pacer allows now, so an upload's pieces stay small when capped.
    var wanted = size * count
    if let pacer = transfer.pacer {
        wanted = pacer.grant(upTo: wanted)
        guard wanted > 0 else {
            transfer.holdForPacer()
            return taro_readfunc_pause()
        }
    }
    return transfer.readUploadBody(into: UnsafeMutableRawPointer(data!), wanted)
}

let easyProgressCallback: taro_xferinfo_callback = { user, dltotal, dlnow, ultotal, ulnow in
    transfer(user).progress(dltotal: Int64(dltotal), dlnow: Int64(dlnow), ultotal: Int64(ultotal), ulnow: Int64(ulnow))
    return 0
}

let easyDebugCallback: taro_debug_callback = { _, type, data, size, user in
    if type == CURLINFO_HEADER_OUT, let data {
        transfer(user).recordRequestHeaders(UnsafeRawBufferPointer(start: data, count: size))
    }
    return 0
}

extension EasyTransfer {
    func receiveBody(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        if case .segment(let body) = destination { return body.receive(bytes, count) }
        if !finalHeadersDelivered, !deliverFinalHeaders(responses.last) { return 0 }
        // A 416 that confirmed the file: its body is not file data.
        if alreadyComplete { return count }
        if spec.maxBodyBytes > 0, bodyBytes + Int64(count) > spec.maxBodyBytes {
            stopReason = .message("response body larger than \(spec.maxBodyBytes) bytes")
            return 0
        }
        switch destination {
        case .file(let sink):
            if let segments {
                guard let accepted = segments.receivePrimary(bytes, count, sink: sink) else { return 0 }
                bodyBytes += Int64(accepted)
                // Past a stolen boundary: this connection is done.
                return accepted == count ? count : 0
            }
            guard sink.write(bytes, count: count) else {
                stopReason = .resumable("write \(sink.partPath): \(sink.failure ?? "error")")
                return 0
            }
        case .memory(let body):
            if let chunk = body.append(UnsafeRawBufferPointer(start: bytes, count: count)) {
                core.handler?.chunkReceived(chunk)
            }
        case .segment:
            return 0
        }
        bodyBytes += Int64(count)
        return count
    }

    func receiveHeaderLine(_ line: UnsafeRawBufferPointer) -> Int {
        guard parser.totalBytes + line.count <= Self.maxHeaderBytes else {
            stopReason = .message("response headers larger than \(Self.maxHeaderBytes / 1024) KiB")
            return 0
        }
        if let response = parser.feed(line) {
            if case .segment(let body) = destination {
                return body.coordinator.check(response, for: body) ? line.count : 0
            }
            responses.append(response)
            core.update { $0.exchange.responses.append(response); $0.statusCode = response.statusCode }
            if isFinal(response), !deliverFinalHeaders(response) { return 0 }
        }
        return line.count
    }

    /// A response is final unless curl will go on past it: a 1xx, or a
    /// redirect that is being followed.
    private func isFinal(_ response: HTTPExchange.Response) -> Bool {
        if (100..<200).contains(response.statusCode) { return false }
        if spec.followRedirects, (300..<400).contains(response.statusCode), response.value(of: "Location") != nil {
            return false
        }
        return true
    }

    /// Returns false when the transfer must stop here.
    @discardableResult
    func deliverFinalHeaders(_ response: HTTPExchange.Response?) -> Bool {
        guard !finalHeadersDelivered, let response else { return true }
        finalHeadersDelivered = true
        if let problem = framingProblem(response) {
            stopReason = .message(problem)
            return false
        }
        if !extraHeaders.isEmpty, !acceptResumedResponse(response) { return false }
        if spec.failOnHTTPError, response.statusCode >= 400, !alreadyComplete {
            // Checked here rather than with CURLOPT_FAILONERROR, which would
            // also fail the 416 that confirms a complete resumed file.
            stopReason = httpFailure(response)
            return false
        }
        if case .file(_, serverNaming: true) = spec.sink, spec.resume == nil { adoptServerName(response) }
        noteResumability(response)
        if let sink {
            let length = response.value(of: "Content-Length").flatMap { Int64($0) }
            do throws(TransferFailure) {
                try sink.nameUnlessSmall(bodyLength: length)
            } catch {
                stopReason = error
                return false
            }
            sink.digest.add(ServerDigest.checksums(in: response.fields))
            if let length { sink.expectBody(length: length) }
        }
        if spec.segments > 1, segments == nil, resumeBase == 0 { startSegmentsIfPossible(response) }
        // A new body starts with each response curl follows; only the final one counts.
        core.handler?.headersReceived(statusCode: response.statusCode, fields: response.fields)
        reportMoving()
        return true
    }

    /// RFC 9110 §8.6: a Content-Length that is not one non-negative number
    /// (junk, overflowing, or several that differ) is a framing error curl
    /// does not always catch: it keeps the last of several, and treats one
    /// too large to parse as absent. Also refuses a declared body larger
    /// than the limit before reading any of it.
    func framingProblem(_ response: HTTPExchange.Response) -> String? {
        let values = contentLengthValues(response)
        guard let first = values.first else { return nil }
        guard values.allSatisfy({ $0 == first }) else {
            return "conflicting Content-Length headers (\(values.joined(separator: ", ")))"
        }
        guard !first.isEmpty, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int64(first) else {
            return "invalid Content-Length: \(first.prefix(40))"
        }
        if spec.maxBodyBytes > 0, length > spec.maxBodyBytes, response.statusCode != 206 || resumeCursor + length > spec.maxBodyBytes {
            return "response body larger than \(spec.maxBodyBytes) bytes"
        }
        return nil
    }

    /// Every Content-Length value, trimmed, from every such field and
    /// every comma-separated member of one. The usual one field with one
    /// value is read without splitting.
    private func contentLengthValues(_ response: HTTPExchange.Response) -> [String] {
        var fields = response.fields.lazy.filter { ASCIICase.equal($0.name, "content-length") }.makeIterator()
        guard let only = fields.next() else { return [] }
        if fields.next() == nil, !only.value.utf8.contains(UInt8(ascii: ",")) { return [only.value.trimmingSpaces()] }
        return response.fields.filter { ASCIICase.equal($0.name, "content-length") }
            .flatMap { $0.value.split(separator: ",").map { $0.trimmingSpaces() } }
    }

    /// Renames the destination after what the server said the file is.
    private func adoptServerName(_ response: HTTPExchange.Response) {
        guard let sink else { return }
        var proposed: String?
        if let disposition = response.value(of: "Content-Disposition") {
            proposed = ContentDisposition.fileName(from: disposition)
        }
        if proposed == nil, responses.count > 1 {
            var url: UnsafeMutablePointer<CChar>?
            if taro_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK, let url {
                let last = RequestURL.lastPathComponent(String(cString: url))
                if !last.isEmpty { proposed = last }
            }
        }
        guard let proposed else { return }
        let name = SafeFileName.make(proposed)
        let directory = (sink.finalPath as NSString).deletingLastPathComponent
        sink.finalPath = directory + "/" + name
        core.update { $0.name = name; $0.localPath = sink.finalPath }
    }

    func readUploadBody(into buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        guard let uploadFile else { return 0 }
        let n = uploadFile.read(into: buffer, count: count)
        if n < 0 {
            stopReason = .message("read error: \(String(cString: strerror(errno)))")
            return taro_readfunc_abort()
        }
        return n
    }

    func progress(dltotal: Int64, dlnow: Int64, ultotal: Int64, ulnow: Int64) {
        if case .segment(let body) = destination {
            // The whole file's progress is the coordinator's plan; the primary reports it.
            body.coordinator.primary.progress(dltotal: 0, dlnow: 0, ultotal: 0, ulnow: 0)
            return
        }
        // A download's progress means nothing before its final headers: until
        // then curl reports zeros, or the sizes of redirect bodies.
        if !isUpload && !finalHeadersDelivered { return }
        if isUpload && ulnow > 0 { reportMoving() }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now &- lastProgressNanos >= progressIntervalNanos else { return }
        var (done, total) = isUpload ? (ulnow, ultotal) : (resumeBase + dlnow, dltotal > 0 ? resumeBase + dltotal : 0)
        if let segments { (done, total) = (segments.plan.totalWritten, segments.plan.total) }
        if alreadyComplete { (done, total) = (resumeBase, resumeBase) }
        if spec.durabilityInterval > .zero, now &- lastDurableNanos >= Self.nanos(spec.durabilityInterval) {
            makeDurable()
            lastDurableNanos = now
        }
        guard done != lastDone || lastProgressNanos == 0 || now &- lastProgressNanos >= 1_000_000_000 else { return }
        lastProgressNanos = now
        emitProgress(done: done, total: total, now: now)
        // Live timings are for whoever shows the header pane, the same ones
        // who want the request headers; the end records them for everyone.
        if spec.captureRequestHeaders { recordLiveDetails() }
    }

    func emitProgress(done: Int64, total: Int64, now: UInt64) {
        core.recordProgress(done: done, total: total > 0 ? total : nil, now: now)
        if done != lastDone {
            lastDone = done
            core.handler?.progressUpdated(done: done, total: max(0, total))
        }
    }

    func recordRequestHeaders(_ block: UnsafeRawBufferPointer) {
        guard !isHelper else { return }
        let text = String(decoding: block, as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: true) { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }
        guard !lines.isEmpty else { return }
        let requestLine = String(lines.removeFirst())
        let fields = lines.compactMap { line -> HTTPExchange.Field? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingSpaces()
            return HTTPExchange.Field(name: name, value: URLRedaction.maskedValue(name: name, value: value))
        }
        core.update {
            $0.exchange.requestLine = requestLine
            $0.exchange.requestFields = fields
        }
    }
}
