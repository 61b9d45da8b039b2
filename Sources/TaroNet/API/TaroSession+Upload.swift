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
        if let problem = RequestURL.validate(option.url) ?? Self.checkReadable(option.filePath) {
            refused(hub, problem)
            return UploadTask(hub: hub, core: nil, session: self)
        }
        let fileName = (option.filePath as NSString).lastPathComponent
        let core = TransferCore(kind: .upload, url: option.url, name: fileName, localPath: option.filePath, handler: hub)
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
        scheduler.post(.submit(core, spec, priority: option.priority))
        return UploadTask(hub: hub, core: core, session: self)
    }

    /// A missing or unreadable file fails the upload at once.
    static func checkReadable(_ path: String) -> TransferFailure? {
        guard !path.isEmpty else { return .message("no file given") }
        do {
            _ = try UploadFileReader(path: path)
            return nil
        } catch {
            return error
        }
    }
}
