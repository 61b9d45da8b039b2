extension TaroSession {
    /// A download for the manager: named by the server when `serverNaming`,
    /// failing on HTTP errors rather than saving an error page as the file.
    func startDownload(url: String, path: String, headers: [String: String], serverNaming: Bool,
                       timeoutMilliseconds: Int, segments: Int,
                       onSettle: @escaping @Sendable () -> Void) -> DownloadTask {
        var option = DownloadFileOption(url: url, header: headers, timeout: timeoutMilliseconds, filePath: path,
                                        complete: { _ in onSettle() })
        option.failOnHTTPError = true
        option.serverNaming = serverNaming
        option.segments = segments
        return downloadFile(option)
    }
}
