extension TaroSession {
    /// A download for the manager: named by the server when `serverNaming`,
    /// failing on HTTP errors rather than saving an error page as the file,
    /// retried and resumed as the options say, its .part kept when it fails.
    func startDownload(url: String, path: String, headers: [String: String], serverNaming: Bool,
                       options: ManagerOptions, resume: ResumePoint?, durable: Bool,
                       onSettle: @escaping @Sendable () -> Void) -> DownloadTask {
        var option = DownloadFileOption(url: url, header: headers, timeout: 0, filePath: path,
                                        maxBodyBytes: options.maxBodyBytes, complete: { _ in onSettle() })
        option.failOnHTTPError = true
        option.serverNaming = serverNaming
        option.segments = options.segments
        option.retry = options.retry
        option.keepPartial = true
        option.resume = resume
        option.stallSeconds = options.stallSeconds
        option.durabilityInterval = durable ? .milliseconds(250) : .zero
        option.captureRequestHeaders = options.recordRequestHeaders
        return downloadFile(option)
    }
}
