import Foundation

extension TaroSession {
    /// Uploads a file, streamed from disk: a multipart POST, or a raw PUT.
    public func uploadFile(_ option: UploadFileOption) -> UploadTask {
        let hub = TaskHub<UploadFileResult, UploadProgressResult>(
            api: "uploadFile",
            callbacks: .init(success: option.success, fail: option.fail, complete: option.complete),
            makeProgress: { UploadProgressResult(done: $0, total: $1) },
            makeSuccess: { response in
                UploadFileResult(
                    data: String(decoding: response.body, as: UTF8.self), statusCode: response.statusCode,
                    header: HeaderDictionary.make(response.fields), errMsg: "uploadFile:ok", profile: response.profile)
            })
        let size: Int64
        switch RequestURL.validate(option.url).map(Result<Int64, TransferFailure>.failure) ?? Self.readableSize(option.filePath) {
        case .failure(let problem):
            refused(hub, problem)
            return UploadTask(hub: hub, core: nil, session: self)
        case .success(let bytes):
            size = bytes
        }
        let fileName = PathText.lastComponent(option.filePath)
        let core = TransferCore(kind: .upload, url: option.url, name: fileName, localPath: option.filePath, handler: hub)
        // Known before anything is sent: a queued upload shows a true 0%.
        core.update { $0.bytesTotal = size }
        var spec = TransferSpec(url: option.url)
        spec.headers = option.header.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        switch option.method {
        case .multipart:
            spec.method = "POST"
            spec.body = .multipart(filePath: option.filePath, fieldName: option.name, fileName: fileName,
                                   fields: option.formData.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        case .put:
            spec.method = "PUT"
            spec.body = .file(path: option.filePath)
        }
        // A large upload sends its body only once the server agreed to take it;
        // no need to wait a second for a 100 Continue that some servers never send.
        spec.headers.append(("Expect", ""))
        spec.timeoutMilliseconds = max(0, option.timeout)
        spec.progressInterval = option.progressInterval
        spec.maxSendRate = option.maxSendRate
        spec.wire = option.wire
        submit(core, spec, priority: option.priority)
        return UploadTask(hub: hub, core: core, session: self)
    }

    /// A missing or unreadable file fails the upload at once; otherwise its size.
    static func readableSize(_ path: String) -> Result<Int64, TransferFailure> {
        guard !path.isEmpty else { return .failure(.message("no file given")) }
        do {
            return .success(try UploadFileReader(path: path).size)
        } catch {
            return .failure(error)
        }
    }
}
