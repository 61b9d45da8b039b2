import Foundation

extension TaroSession {
    /// Downloads `option.url` to `option.filePath`, or to a temporary file.
    /// The data goes to NAME.part and takes its final name only when complete.
    public func downloadFile(_ option: DownloadFileOption) -> DownloadTask {
        let destination = option.filePath ?? Self.temporaryPath(for: option.url)
        let usesTemp = option.filePath == nil
        let hub = TaskHub<DownloadFileResult, DownloadProgressResult>(
            api: "downloadFile",
            callbacks: .init(success: option.success, fail: option.fail, complete: option.complete),
            makeProgress: { DownloadProgressResult(done: $0, total: $1) },
            makeSuccess: { response in
                DownloadFileResult(
                    statusCode: response.statusCode,
                    header: HeaderDictionary.make(response.fields),
                    tempFilePath: usesTemp ? response.filePath : nil,
                    filePath: usesTemp ? nil : response.filePath,
                    dataLength: response.bodyBytes,
                    errMsg: "downloadFile:ok",
                    profile: response.profile)
            })
        if let problem = RequestURL.validate(option.url) {
            refused(hub, problem)
            return DownloadTask(hub: hub, core: nil, session: self)
        }
        let core = TransferCore(kind: .download, url: option.url,
                                name: PathText.lastComponent(destination),
                                localPath: destination, handler: hub)
        var spec = TransferSpec(url: option.url)
        spec.headers = option.header.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        spec.sink = .file(path: destination, serverNaming: option.serverNaming)
        spec.failOnHTTPError = option.failOnHTTPError
        spec.segments = max(1, min(option.segments, 64))
        spec.retry = option.retry
        spec.resume = option.resume
        spec.keepPartial = option.keepPartial || option.resume != nil
        spec.stallSeconds = option.stallSeconds
        spec.durabilityInterval = option.durabilityInterval
        spec.captureRequestHeaders = option.captureRequestHeaders
        spec.timeoutMilliseconds = max(0, option.timeout)
        spec.maxReceiveRate = option.maxReceiveRate
        spec.maxBodyBytes = option.maxBodyBytes
        spec.progressInterval = option.progressInterval
        spec.wire = option.wire
        spec.checksum = option.checksum
        // Until the server confirms it, the point resumed from is still the
        // one on disk: whoever persists snapshots must not lose it meanwhile.
        if let resume = option.resume { core.update { $0.resume = resume } }
        submit(core, spec, priority: option.priority)
        return DownloadTask(hub: hub, core: core, session: self)
    }

    /// A fresh path in a private temporary directory, named after the URL.
    static func temporaryPath(for url: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taro-\(getuid())").path
        mkdir(dir, 0o700)
        let name = SafeFileName.make(RequestURL.lastPathComponent(url))
        var random = SystemRandomNumberGenerator()
        let tag = String(random.next() as UInt64, radix: 36)
        return dir + "/tmp_" + tag + "_" + name
    }
}
