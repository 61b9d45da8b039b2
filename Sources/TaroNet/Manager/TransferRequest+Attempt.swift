import Foundation

extension TransferRequest {
    var kind: TransferSnapshot.Kind {
        if case .upload = self { return .upload }
        return .download
    }

    var url: String {
        switch self {
        case .download(let url, _, _), .upload(_, let url, _, _, _): return url
        }
    }

    /// The local file: a download's destination, an upload's source.
    var localPath: String {
        switch self {
        case .download(_, let path, _): return path
        case .upload(let file, _, _, _, _): return file
        }
    }

    /// Why this request cannot be made at all (a bad URL, a missing file), if so.
    var refusal: TransferFailure? {
        if let problem = RequestURL.validate(url) { return problem }
        if case .upload(let file, _, _, _, _) = self, case .failure(let problem) = TaroSession.readableSize(file) {
            return problem
        }
        return nil
    }

    /// The row a queued request shows before it ever ran.
    func queuedSnapshot(id: UInt64, addedAt: Date, insecure: Bool = false) -> TransferSnapshot {
        let path = localPath
        var snapshot = TransferSnapshot(id: id, kind: kind, url: URLRedaction.withoutUserinfo(url),
                                        name: PathText.lastComponent(path), state: .queued,
                                        localPath: path, queuedAt: addedAt)
        snapshot.insecure = insecure
        // An upload's size is known before anything is sent: a queued one shows a true 0%.
        if case .upload(let file, _, _, _, _) = self, case .success(let size) = TaroSession.readableSize(file) {
            snapshot.bytesTotal = size
        }
        return snapshot
    }

    /// What the engine runs for one attempt of a managed transfer: a download
    /// named by the server when `serverNaming`, failing on HTTP errors rather
    /// than saving an error page as the file, retried and resumed as the
    /// options say, its .part kept when it fails; or a streamed upload.
    func spec(options: ManagerOptions, serverNaming: Bool, resume: ResumePoint?, durable: Bool) -> TransferSpec {
        switch self {
        case .download(let url, let path, let headers):
            var spec = TransferSpec(url: url)
            spec.headers = headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            spec.sink = .file(path: path, serverNaming: serverNaming)
            spec.failOnHTTPError = true
            spec.segments = max(1, min(options.segments, 64))
            spec.retry = options.retry
            spec.resume = resume
            spec.keepPartial = true
            spec.stallSeconds = options.stallSeconds
            spec.durabilityInterval = durable ? .milliseconds(250) : .zero
            spec.captureRequestHeaders = options.recordRequestHeaders
            spec.timeoutMilliseconds = 0
            spec.maxBodyBytes = options.maxBodyBytes
            spec.maxReceiveRate = options.transferRateLimits.download
            spec.wire = options.wire
            return spec
        case .upload(let filePath, let url, let fieldName, let put, let headers):
            var spec = TransferSpec(url: url)
            spec.headers = headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            let fileName = PathText.lastComponent(filePath)
            if put {
                spec.method = "PUT"
                spec.body = .file(path: filePath)
            } else {
                spec.method = "POST"
                spec.body = .multipart(filePath: filePath, fieldName: fieldName, fileName: fileName, fields: [])
            }
            spec.headers.append(("Expect", ""))
            spec.timeoutMilliseconds = 0
            spec.captureRequestHeaders = options.recordRequestHeaders
            spec.maxSendRate = options.transferRateLimits.upload
            spec.wire = options.wire
            return spec
        }
    }
}
